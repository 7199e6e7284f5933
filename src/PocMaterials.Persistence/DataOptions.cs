using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Persistence;

/// <summary>The data folder: the search index and, when embedded, the PostgreSQL cluster live here.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    [Required]
    public string DataPath { get; set; } = "data";

    /// <summary>The search index's folder inside the data folder.</summary>
    public const string IndexFolder = "index";
}
