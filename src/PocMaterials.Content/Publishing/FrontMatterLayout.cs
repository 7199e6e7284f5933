using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Publishing;

/// <summary>One top-level field of a front matter: its lines and value, and a comment after the value on its one line.</summary>
/// <param name="First">Its key's line, an index into <see cref="FrontMatterLayout.Lines"/>.</param>
/// <param name="Last">Its value's last line: blank and comment lines after it belong to no field.</param>
/// <param name="Value">Null when it is neither a text nor a list of texts (a mapping): never the same as a form's value.</param>
internal sealed record FieldSpan(string Name, int First, int Last, FieldValue? Value, string Comment);

/// <summary>
/// A Markdown file with front matter as lines, so that an edit can change some fields' lines and leave every other byte:
/// the byte order mark, the line ends, comments, blank lines, the order of the fields and the body.
/// </summary>
internal sealed class FrontMatterLayout
{
    private FrontMatterLayout(string prefix, string newline, List<string> lines, List<FieldSpan> fields, List<string> rest)
    {
        Prefix = prefix;
        Newline = newline;
        Lines = lines;
        Fields = fields;
        Rest = rest;
    }

    /// <summary>A byte order mark, kept as it was.</summary>
    public string Prefix { get; }

    /// <summary>The file's line end: an edit writes its lines with the same.</summary>
    public string Newline { get; }

    /// <summary>The lines between the opening <c>---</c> (line 0 of the file) and the closing one.</summary>
    public IReadOnlyList<string> Lines { get; }

    public IReadOnlyList<FieldSpan> Fields { get; }

    /// <summary>The closing line and every line after it, the body's; none for a YAML file.</summary>
    public IReadOnlyList<string> Rest { get; }

    /// <summary>The body as <see cref="Markdown.MarkdownFile"/> reads it: from its first line that is not blank.</summary>
    public string Body => string.Join('\n', Rest.Skip(1 + BlankLinesBeforeBody));

    /// <summary>The blank lines between the closing <c>---</c> and the body.</summary>
    public int BlankLinesBeforeBody => Rest.Skip(1).TakeWhile(l => l.Length == 0).Count() is var n && n == Rest.Count - 1 ? 0 : n;

    /// <summary>
    /// The file's layout, or null when its front matter is not fields line by line (no front matter, YAML that does not
    /// parse, a flow mapping): such a file is written anew from the form's fields.
    /// </summary>
    public static FrontMatterLayout? Read(string text)
    {
        var prefix = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var all = text[prefix.Length..].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (all[0].TrimEnd() != "---")
            return null;
        var closing = Array.FindIndex(all, 1, l => l.TrimEnd() is "---" or "...");
        if (closing < 0)
            return null;
        return Of(prefix, newline, all[1..closing].ToList(), [.. all[closing..]]);
    }

    /// <summary>
    /// A YAML text that is one block mapping as lines (newsletter.yml, or an entry of a list taken out of its file), laid out
    /// as a front matter without its <c>---</c> lines, so that the same edit keeps every byte it does not change; null when it
    /// is no block mapping of fields line by line.
    /// </summary>
    public static FrontMatterLayout? ReadMapping(string text)
    {
        var prefix = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        return Of(prefix, newline, [.. text[prefix.Length..].Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')], []);
    }

    private static FrontMatterLayout? Of(string prefix, string newline, List<string> lines, List<string> rest)
    {
        if (Mapping(lines) is not { Style: not MappingStyle.Flow } mapping)
            return null;
        var keys = mapping.Children.ToList();
        var fields = new List<FieldSpan>();
        for (var i = 0; i < keys.Count; i++)
        {
            var (key, value) = keys[i];
            var first = (int)key.Start.Line - 1;
            if (key is not YamlScalarNode { Value: { } name } || key.Start.Column != 1)
                return null;
            var last = i + 1 < keys.Count ? (int)keys[i + 1].Key.Start.Line - 2 : lines.Count - 1;
            while (last > first && (lines[last].Trim().Length == 0 || lines[last].StartsWith('#')))
                last--;
            fields.Add(new FieldSpan(name, first, last, ValueOf(value), first == last ? CommentAfter(lines[first], value) : ""));
        }
        return new FrontMatterLayout(prefix, newline, lines, fields, rest);
    }

    /// <summary>
    /// The fields of a front matter that is a mapping but not line by line (<c>{title: ..., type: ...}</c>): read all the
    /// same, though an edit writes such a file anew.
    /// </summary>
    public static IReadOnlyList<(string Name, FieldValue? Value)>? FieldsOf(string yaml) =>
        Mapping([yaml])?.Children.Select(c => ((c.Key as YamlScalarNode)?.Value ?? "", ValueOf(c.Value))).ToList();

    private static YamlMappingNode? Mapping(List<string> lines)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines)));
            return stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static FieldValue? ValueOf(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => FieldValue.List([]),
        YamlScalarNode scalar => FieldValue.Text(scalar.Value ?? ""),
        YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode) =>
            FieldValue.List([.. sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "")]),
        _ => null,
    };

    /// <summary>A comment after a one-line value (<c>summary: Kort. # voorlopig</c>): an edit of the value keeps it.</summary>
    private static string CommentAfter(string line, YamlNode value)
    {
        var end = (int)value.End.Column - 1;
        return value.End.Line == value.Start.Line && end < line.Length && line[end..].TrimStart().StartsWith('#') ? line[end..] : "";
    }
}
