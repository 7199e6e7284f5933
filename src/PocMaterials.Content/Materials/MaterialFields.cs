using System.Collections.Immutable;

namespace PocMaterials.Content.Materials;

/// <summary>The front matter fields of a material file, in the order of the content format, which editors also read by hand.</summary>
public static class MaterialFields
{
    public static readonly ImmutableArray<string> InOrder =
    [
        "title", "type", "summary", "core_processes", "themes", "domains", "roles", "contact",
        "published", "updated", "review_by", "status", "tags",
    ];

    /// <summary>The fields that hold a list (a single text counts as a list of one); the others hold one text.</summary>
    public static readonly ImmutableHashSet<string> Lists = ["core_processes", "themes", "domains", "roles", "tags"];
}
