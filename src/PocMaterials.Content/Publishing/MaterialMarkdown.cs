using PocMaterials.Content.Markdown;
using PocMaterials.Content.Materials;

namespace PocMaterials.Content.Publishing;

/// <summary>A material's fields and body as a form edits them: read from its file, and written into it.</summary>
public sealed record MaterialSource(IReadOnlyDictionary<string, FieldValue> Fields, string Body);

/// <summary>
/// Writes a material (or a theme: Markdown with front matter too) given as fields and a Markdown body in the content
/// format, as an edit of its file (<see cref="MappingEdit"/>): a field the form did not change keeps its text byte for byte
/// (with the comments, blank lines and order of a hand-written file), a changed one is rewritten on its lines, a new one
/// goes where the content format's field order puts it, a removed one goes. A new material is written in that order.
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
    /// <param name="order">The file kind's field order, where a new field goes: a material's unless given (a theme's).</param>
    public static string Write(
        string? current, IReadOnlyDictionary<string, FieldValue> fields, string? body, IReadOnlyList<string>? order = null)
    {
        var layout = current is null ? null : FrontMatterLayout.Read(current);
        var isNew = layout is null;
        if (layout is null)
        {
            // A new material, or a file whose front matter does not parse (so no valid one): written anew.
            body ??= current is null ? "" : MarkdownFile.Split(current).Body;
            layout = FrontMatterLayout.Read(Empty)!;
        }
        var lines = new List<string> { "---" };
        lines.AddRange(MappingEdit.Lines(layout, fields, MappingEdit.OrderOf(order ?? MaterialFields.InOrder)));
        lines.AddRange(Rest(layout, isNew, body));
        return layout.Prefix + string.Join(layout.Newline, lines);
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
}
