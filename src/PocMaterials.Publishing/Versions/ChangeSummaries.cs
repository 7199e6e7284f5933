using DiffPlex;

namespace PocMaterials.Publishing.Versions;

/// <summary>The short summary a version carries when its author gave none: which fields and whether the text changed.</summary>
public static class ChangeSummaries
{
    public static string Describe(string? before, string? after)
    {
        if (before is null)
            return after is null ? "unchanged" : "created";
        if (after is null)
            return "removed";
        if (FrontMatter.Split(before) is { } old && FrontMatter.Split(after) is { } @new)
        {
            var changed = old.Fields.Keys.Union(@new.Fields.Keys, StringComparer.Ordinal)
                .Where(key => old.Fields.GetValueOrDefault(key) != @new.Fields.GetValueOrDefault(key))
                .ToList();
            if (Normalise(old.Body) != Normalise(@new.Body))
                changed.Add("the text");
            return changed.Count == 0 ? "unchanged" : "changed " + Join(changed);
        }
        var diff = Differ.Instance.CreateLineDiffs(Normalise(before), Normalise(after), false);
        var added = diff.DiffBlocks.Sum(b => b.InsertCountB);
        var removed = diff.DiffBlocks.Sum(b => b.DeleteCountA);
        return added + removed == 0 ? "unchanged" : $"changed: +{added} -{removed} lines";
    }

    private static string Join(List<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1];

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The top-level fields of a YAML front matter as written (a field's continuation lines belong to it), and the body.</summary>
    private sealed record FrontMatter(Dictionary<string, string> Fields, string Body)
    {
        public static FrontMatter? Split(string text)
        {
            var lines = Normalise(text).Split('\n');
            if (lines.Length == 0 || lines[0].TrimEnd() != "---")
                return null;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string? key = null;
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.TrimEnd() == "---")
                    return new FrontMatter(fields, string.Join('\n', lines[(i + 1)..]));
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line[0] != '-' && line[0] != '#' && colon > 0)
                {
                    key = line[..colon].Trim();
                    fields[key] = line[(colon + 1)..].Trim();
                }
                else if (key is not null)
                {
                    fields[key] += "\n" + line;
                }
            }
            return null;
        }
    }
}
