using System.Text.Json.Serialization;

namespace PocMaterials.Content.Taxonomy;

/// <summary>One entry of a taxonomy list: a stable id, the label staff see, and search aliases.</summary>
/// <param name="Staff">
/// Only for a centre, and optional: how many staff it has, so reports can say which share of them was reached.
/// </param>
public sealed record TaxonomyTerm(
    string Id,
    string Label,
    IReadOnlyList<string> Aliases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Staff = null);
