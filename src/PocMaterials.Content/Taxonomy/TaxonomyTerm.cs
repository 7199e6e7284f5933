namespace PocMaterials.Content.Taxonomy;

/// <summary>One entry of a taxonomy list: a stable id, the label staff see, and search aliases.</summary>
public sealed record TaxonomyTerm(string Id, string Label, IReadOnlyList<string> Aliases);
