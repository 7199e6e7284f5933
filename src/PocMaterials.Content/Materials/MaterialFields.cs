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
}
