namespace PocMaterials.Content.Publishing;

/// <summary>A front matter value as a form gives it and a file holds it: one text, or a list of texts.</summary>
public sealed record FieldValue(IReadOnlyList<string> Items, bool IsList)
{
    public static FieldValue Text(string text) => new([text], false);

    public static FieldValue List(IReadOnlyList<string> items) => new(items, true);

    /// <summary>No value: an empty text or list, which the content format reads as a field left out.</summary>
    public bool IsEmpty => Items.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// Whether two values say the same, as the parser reads them: trimmed, a single text the same as a list of one,
    /// nothing (null) the same as empty.
    /// </summary>
    public static bool Same(FieldValue? a, FieldValue? b) =>
        (a is null || a.IsEmpty) && (b is null || b.IsEmpty)
        || a is not null && b is not null
            && a.Items.Select(i => i.Trim()).SequenceEqual(b.Items.Select(i => i.Trim()), StringComparer.Ordinal);
}
