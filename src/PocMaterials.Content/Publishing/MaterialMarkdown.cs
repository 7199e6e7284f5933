using PocMaterials.Content.Markdown;
using PocMaterials.Content.Materials;

namespace PocMaterials.Content.Publishing;

/// <summary>A material's fields and body as a form edits them: read from its file, and written into it.</summary>
public sealed record MaterialSource(IReadOnlyDictionary<string, FieldValue> Fields, string Body);

/// <summary>
/// Writes a material given as fields and a Markdown body in the content format, as an edit of its file: a field the form
/// did not change keeps its text byte for byte (with the comments, blank lines and order of a hand-written file), a
/// changed one is rewritten on its lines, a new one goes where the content format's field order puts it, a removed one
/// goes. A new material is written in that order.
/// </summary>
public static class MaterialMarkdown
{
    private const string Empty = "---\n---\n";

    /// <summary>The fields (those of a text or a list of texts) and body of a file, or null when it has no front matter fields.</summary>
    public static MaterialSource? Read(string text)
    {
        if (FrontMatterLayout.Read(text) is { } layout)
            return Source(layout.Fields.Select(f => (f.Name, f.Value)), layout.Body);
        var markdown = MarkdownFile.Split(text);
        return markdown.FrontMatter is { } yaml && FrontMatterLayout.FieldsOf(yaml) is { } fields ? Source(fields, markdown.Body) : null;
    }

    /// <param name="current">The file as stored, or null for a new material.</param>
    /// <param name="fields">
    /// Every field of the material: one left out (or empty) is removed. Unknown names are kept, so validation names them.
    /// </param>
    /// <param name="body">The Markdown after the front matter; null keeps the stored one.</param>
    public static string Write(string? current, IReadOnlyDictionary<string, FieldValue> fields, string? body)
    {
        var layout = current is null ? null : FrontMatterLayout.Read(current);
        var isNew = layout is null;
        if (layout is null)
        {
            // A new material, or a file whose front matter does not parse (so no valid one): written anew.
            body ??= current is null ? "" : MarkdownFile.Split(current).Body;
            layout = FrontMatterLayout.Read(Empty)!;
        }
        var blocks = Blocks(layout, fields);
        var added = fields.Where(f => !f.Value.IsEmpty && layout.Fields.All(s => s.Name != f.Key)).OrderBy(f => Order(f.Key));
        foreach (var (name, value) in added)
            Insert(blocks, name, YamlScalars.Field(name, value));
        var lines = new List<string> { "---" };
        lines.AddRange(blocks.SelectMany(b => b.Lines.Concat(b.Gap)));
        lines.AddRange(Rest(layout, isNew, body));
        return layout.Prefix + string.Join(layout.Newline, lines);
    }

    /// <summary>
    /// The front matter as blocks: the lines before the first field, then each field's lines with the comment and blank
    /// lines after them (its gap), each field's lines already edited.
    /// </summary>
    private static List<Block> Blocks(FrontMatterLayout layout, IReadOnlyDictionary<string, FieldValue> fields)
    {
        var lines = layout.Lines;
        var head = layout.Fields.Count > 0 ? layout.Fields[0].First : lines.Count;
        var blocks = new List<Block> { new(null, [], [.. lines.Take(head)]) };
        for (var i = 0; i < layout.Fields.Count; i++)
        {
            var span = layout.Fields[i];
            var next = i + 1 < layout.Fields.Count ? layout.Fields[i + 1].First : lines.Count;
            var value = fields.GetValueOrDefault(span.Name);
            List<string> own = FieldValue.Same(span.Value, value) && span.Value is not null
                ? [.. lines.Skip(span.First).Take(span.Last - span.First + 1)]
                : value is null || value.IsEmpty ? [] : [YamlScalars.Field(span.Name, value) + span.Comment];
            blocks.Add(new Block(span.Name, own, [.. lines.Skip(span.Last + 1).Take(next - span.Last - 1)]));
        }
        return blocks;
    }

    /// <summary>A new field, after the last field before it in the content format's order, before that field's gap.</summary>
    private static void Insert(List<Block> blocks, string name, string line)
    {
        var after = blocks.FindLastIndex(b => b.Name is { } other && b.Lines.Count > 0 && Order(other) < Order(name));
        var index = after < 0 ? 1 : after + 1;
        var gap = after < 0 ? [] : blocks[after].Gap;
        if (after >= 0)
            blocks[after] = blocks[after] with { Gap = [] };
        blocks.Insert(index, new Block(name, [line], gap));
    }

    /// <summary>The closing line and the body: as stored when the body is, else the new body after the same blank lines.</summary>
    private static IEnumerable<string> Rest(FrontMatterLayout layout, bool isNew, string? body)
    {
        if (body is null || !isNew && Same(body, layout.Body))
            return layout.Rest;
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\n');
        if (text.Trim().Length == 0)
            return [layout.Rest[0], ""];
        if (!text.EndsWith('\n'))
            text += "\n";
        var blank = isNew || layout.Body.Length == 0 ? 1 : layout.BlankLinesBeforeBody;
        return [layout.Rest[0], .. Enumerable.Repeat("", blank), .. text.Split('\n')];
    }

    private static MaterialSource Source(IEnumerable<(string Name, FieldValue? Value)> fields, string body) => new(
        fields.Where(f => f.Value is { IsEmpty: false }).ToDictionary(f => f.Name, f => f.Value!, StringComparer.Ordinal), body);

    private static bool Same(string body, string stored) =>
        body.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n') == stored.Trim('\n');

    private static int Order(string name) => MaterialFields.InOrder.IndexOf(name) is var i and >= 0 ? i : MaterialFields.InOrder.Length;

    /// <param name="Name">The field, or null for the lines before the first.</param>
    /// <param name="Lines">Its lines; none when it is removed.</param>
    private sealed record Block(string? Name, List<string> Lines, List<string> Gap);
}
