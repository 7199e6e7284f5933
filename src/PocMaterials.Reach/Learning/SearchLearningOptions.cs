using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Reach.Learning;

/// <summary>How searches and views are turned into proposed aliases.</summary>
public sealed class SearchLearningOptions
{
    public const string Section = "SearchLearning";

    /// <summary>
    /// Distinct staff (viewer keys) a word and its target need before they are proposed; never fewer than two, so one
    /// person's habits never become everyone's search.
    /// </summary>
    [Range(2, 1000)]
    public int MinViewers { get; set; } = 3;

    /// <summary>How long after a search nobody opened anything from a new search by the same viewer counts as its reformulation.</summary>
    [Range(1, 240)]
    public int ReformulationMinutes { get; set; } = 10;

    /// <summary>A query of more content words than this describes a situation rather than naming it: no alias is learned from it.</summary>
    [Range(1, 10)]
    public int MaxWords { get; set; } = 3;

    /// <summary>A word that already puts the material in its first this many results needs no alias.</summary>
    [Range(1, 50)]
    public int FoundWithin { get; set; } = 3;
}
