namespace PocMaterials.Content.Publishing;

/// <summary>
/// The one way a YAML mapping is edited, for a material's or theme's front matter, newsletter.yml and an entry of
/// taxonomy.yml or contacts.yml alike: a field whose value is unchanged keeps its text byte for byte (with the comments,
/// blank lines and order around it), a changed one is rewritten on its own lines in the content format's style keeping a
/// comment after a one-line value, a new one goes after the last field before it in the given order, a removed one goes.
/// </summary>
internal static class MappingEdit
{
    /// <param name="fields">The fields' new values; one empty is removed.</param>
    /// <param name="order">Where a field stands in its file kind's order: a new field goes after the last one before it.</param>
    /// <param name="keepOthers">Whether a field of the layout that <paramref name="fields"/> leaves out stays (else it goes).</param>
    /// <returns>The mapping's lines (those of <see cref="FrontMatterLayout.Lines"/>, edited).</returns>
    public static List<string> Lines(
        FrontMatterLayout layout, IReadOnlyDictionary<string, FieldValue> fields, Func<string, int> order, bool keepOthers = false)
    {
        var blocks = Blocks(layout, fields, keepOthers);
        var added = fields.Where(f => !f.Value.IsEmpty && layout.Fields.All(s => s.Name != f.Key)).OrderBy(f => order(f.Key));
        foreach (var (name, value) in added)
            Insert(blocks, name, YamlScalars.Field(name, value), order);
        return [.. blocks.SelectMany(b => b.Lines.Concat(b.Gap))];
    }

    /// <summary>A field's place in <paramref name="names"/>; an unknown one goes after them all.</summary>
    public static Func<string, int> OrderOf(IReadOnlyList<string> names)
    {
        var positions = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        return name => positions.GetValueOrDefault(name, names.Count);
    }

    /// <summary>
    /// The mapping as blocks: the lines before the first field, then each field's lines with the comment and blank lines
    /// after them (its gap), each field's lines already edited.
    /// </summary>
    private static List<Block> Blocks(FrontMatterLayout layout, IReadOnlyDictionary<string, FieldValue> fields, bool keepOthers)
    {
        var lines = layout.Lines;
        var head = layout.Fields.Count > 0 ? layout.Fields[0].First : lines.Count;
        var blocks = new List<Block> { new(null, [], [.. lines.Take(head)]) };
        for (var i = 0; i < layout.Fields.Count; i++)
        {
            var span = layout.Fields[i];
            var next = i + 1 < layout.Fields.Count ? layout.Fields[i + 1].First : lines.Count;
            var kept = keepOthers && !fields.ContainsKey(span.Name);
            var value = fields.GetValueOrDefault(span.Name);
            List<string> own = kept || FieldValue.Same(span.Value, value) && span.Value is not null
                ? [.. lines.Skip(span.First).Take(span.Last - span.First + 1)]
                : value is null || value.IsEmpty ? [] : [YamlScalars.Field(span.Name, value) + span.Comment];
            blocks.Add(new Block(span.Name, own, [.. lines.Skip(span.Last + 1).Take(next - span.Last - 1)]));
        }
        return blocks;
    }

    /// <summary>A new field, after the last field before it in the order, before that field's gap.</summary>
    private static void Insert(List<Block> blocks, string name, string line, Func<string, int> order)
    {
        var after = blocks.FindLastIndex(b => b.Name is { } other && b.Lines.Count > 0 && order(other) < order(name));
        var index = after < 0 ? 1 : after + 1;
        var gap = after < 0 ? [] : blocks[after].Gap;
        if (after >= 0)
            blocks[after] = blocks[after] with { Gap = [] };
        blocks.Insert(index, new Block(name, [line], gap));
    }

    /// <param name="Name">The field, or null for the lines before the first.</param>
    /// <param name="Lines">Its lines; none when it is removed.</param>
    private sealed record Block(string? Name, List<string> Lines, List<string> Gap);
}
