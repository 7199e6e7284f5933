using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Publishing;

/// <summary>
/// The edits the editors' forms make to definition files: a month of newsletter.yml, an entry of a list of taxonomy.yml or
/// of contacts.yml added, changed or removed. Each changes only the lines of that month or entry, through
/// <see cref="MappingEdit"/> (an entry is a mapping too): every other byte of the file stays, comments and order included.
/// Null when the file is not laid out so (a list written <c>[...]</c>, an entry written <c>{id: ...}</c>, YAML that does
/// not parse): such a file is edited in its source.
/// </summary>
public static class DefinitionYaml
{
    /// <summary>newsletter.yml with <paramref name="month"/> (<c>yyyy-MM</c>) featuring an id, or without it (null).</summary>
    public static string? SetMonth(string text, string month, string? feature)
    {
        var value = feature is null ? FieldValue.List([]) : FieldValue.Text(feature);
        if (text.Trim().Length == 0)
            return feature is null ? text : YamlScalars.Field(month, value) + "\n";
        if (FrontMatterLayout.ReadMapping(text) is not { } layout)
            return null;
        var changes = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { [month] = value };
        // Months in calendar order: yyyy-MM as the number yyyyMM.
        var lines = MappingEdit.Lines(layout, changes, MonthOrder, keepOthers: true);
        return layout.Prefix + string.Join(layout.Newline, lines);
    }

    /// <summary>
    /// The file with the entry <paramref name="id"/> of a list changed: the fields given set (an empty one removed), the
    /// others kept.
    /// </summary>
    /// <param name="section">The list's key in taxonomy.yml, or null for contacts.yml, which is a list itself.</param>
    /// <param name="order">The entry's fields in the order a new field takes.</param>
    public static string? EditEntry(
        string text, string? section, string id, IReadOnlyDictionary<string, FieldValue> changes, IReadOnlyList<string> order)
    {
        if (ListLayout.Read(text, section) is not { } list || list.Entries.Find(e => e.Id == id) is not { } entry)
            return null;
        var own = list.Lines.GetRange(entry.First, entry.Last - entry.First + 1);
        var margin = new string(' ', entry.Indent);
        var mapping = new List<string> { own[0][entry.Indent..] };
        foreach (var line in own.Skip(1))
        {
            if (line.Trim().Length == 0)
                mapping.Add("");
            else if (line.StartsWith(margin, StringComparison.Ordinal))
                mapping.Add(line[entry.Indent..]);
            else
                return null;
        }
        if (FrontMatterLayout.ReadMapping(string.Join('\n', mapping)) is not { } layout)
            return null;
        var edited = MappingEdit.Lines(layout, changes, MappingEdit.OrderOf(order), keepOthers: true);
        var dash = own[0][..entry.Indent];
        list.Lines.RemoveRange(entry.First, own.Count);
        list.Lines.InsertRange(entry.First, edited.Select((l, i) => i == 0 ? dash + l : l.Length == 0 ? l : margin + l));
        return list.Text();
    }

    /// <summary>The file without the entry <paramref name="id"/> of a list.</summary>
    public static string? RemoveEntry(string text, string? section, string id)
    {
        if (ListLayout.Read(text, section) is not { } list || list.Entries.Find(e => e.Id == id) is not { } entry)
            return null;
        list.Lines.RemoveRange(entry.First, entry.Last - entry.First + 1);
        return list.Text();
    }

    /// <summary>The file with a new entry at the end of a list (the list made at the end of the file when it has none).</summary>
    public static string? AddEntry(
        string text, string? section, IReadOnlyDictionary<string, FieldValue> fields, IReadOnlyList<string> order)
    {
        if (ListLayout.Read(text, section) is not { } list)
            return null;
        var position = MappingEdit.OrderOf(order);
        var own = fields.Where(f => !f.Value.IsEmpty).OrderBy(f => position(f.Key)).Select(f => YamlScalars.Field(f.Key, f.Value)).ToList();
        if (list.Entries.Count > 0)
        {
            var last = list.Entries[^1];
            var dash = list.Lines[last.First][..last.Indent];
            list.Lines.InsertRange(last.Last + 1, own.Select((l, i) => (i == 0 ? dash : new string(' ', last.Indent)) + l));
            return list.Text();
        }
        if (!list.Missing)
            return null;
        var lines = list.Lines;
        while (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        var indent = section is null ? "" : "  ";
        if (section is not null)
            lines.AddRange(lines.Count > 0 ? ["", section + ":"] : [section + ":"]);
        lines.AddRange(own.Select((l, i) => indent + (i == 0 ? "- " : "  ") + l));
        lines.Add("");
        return list.Text();
    }

    private static int MonthOrder(string key) =>
        int.TryParse(key.Replace("-", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : int.MaxValue;

    /// <summary>
    /// The (1-based) line a node's text ends on: that of its last value, since the end of a block collection is marked where
    /// the next token starts (none at the end of the file), past the comments and blank lines after it.
    /// </summary>
    private static int LastLine(YamlNode node) => node switch
    {
        YamlMappingNode { Style: not MappingStyle.Flow, Children.Count: > 0 } mapping => LastLine(mapping.Children.Last().Value),
        YamlSequenceNode { Style: not SequenceStyle.Flow, Children.Count: > 0 } sequence => LastLine(sequence.Children[^1]),
        _ => (int)node.End.Line - (node.End.Column == 1 && node.End.Line > node.Start.Line ? 1 : 0),
    };

    /// <summary>One entry of a list: its lines (its first holds the dash), the column of its keys, and its id.</summary>
    private sealed record Entry(int First, int Last, int Indent, string? Id);

    /// <summary>A file's lines and the entries of one of its lists; <see cref="Missing"/> when the file has no such list yet.</summary>
    private sealed record ListLayout(string Prefix, string Newline, List<string> Lines, List<Entry> Entries, bool Missing)
    {
        public string Text() => Prefix + string.Join(Newline, Lines);

        public static ListLayout? Read(string text, string? section)
        {
            var prefix = text.StartsWith('\uFEFF') ? "\uFEFF" : "";
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var normal = text[prefix.Length..].Replace("\r\n", "\n", StringComparison.Ordinal);
            var lines = normal.Split('\n').ToList();
            YamlNode? root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(normal));
                root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            }
            catch (YamlException)
            {
                return null;
            }
            var node = section is null ? root
                : root is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(section), out var found) ? found
                : null;
            if (node is null)
                return root is null || section is not null && root is YamlMappingNode ? new(prefix, newline, lines, [], true) : null;
            if (node is not YamlSequenceNode { Style: not SequenceStyle.Flow } sequence)
                return null;
            var entries = new List<Entry>();
            var items = sequence.Children;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not YamlMappingNode { Style: not MappingStyle.Flow } item)
                    return null;
                var first = (int)item.Start.Line - 1;
                var indent = (int)item.Start.Column - 1;
                if (lines[first].Length < indent || lines[first][..indent].Trim() != "-")
                    return null;
                var last = Math.Min(lines.Count - 1, LastLine(item) - 1);
                var id = item.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? (idNode as YamlScalarNode)?.Value : null;
                entries.Add(new Entry(first, last, indent, id));
            }
            return new(prefix, newline, lines, entries, false);
        }
    }
}
