using System.Text.RegularExpressions;
using PocMaterials.Content.Library;
using PocMaterials.Publishing.Files;

namespace PocMaterials.Publishing.Definitions;

/// <summary>The outcome of adding an alias: written (with the version), or why not.</summary>
public sealed record AliasResult(WriteResult? Written, string? Refusal = null);

/// <summary>
/// Turns a search term into an alias (a search synonym) of a taxonomy term or a theme, as an edit of the
/// file as written, so the editor's layout and comments stay; the changed file is then validated and
/// versioned as any other change.
/// </summary>
public static partial class TermAliases
{
    public static async Task<AliasResult> AddAsync(
        DefinitionFiles files,
        ContentSnapshot content,
        string target,
        string alias,
        string author,
        CancellationToken cancellationToken)
    {
        if (NamesOf(content, target) is not { } names)
            return new AliasResult(null, $"'{target}' is neither a term of taxonomy.yml nor a theme.");
        var definition = names.IsTheme ? Definition.Theme(files.Location, target) : Definition.Taxonomy(files.Location);
        if (names.Names.Any(n => string.Equals(n, alias, StringComparison.OrdinalIgnoreCase)))
            return new AliasResult(null, $"'{alias}' already names '{target}'.");
        if (DefinitionFiles.Read(definition) is not { } source)
            return new AliasResult(null, $"{definition.File} does not exist.");
        var edited = names.IsTheme ? AddToFrontMatter(source.Text, alias) : AddToTaxonomyTerm(source.Text, target, alias);
        if (edited is null)
        {
            return new AliasResult(null,
                $"The entry of '{target}' in {definition.File} is not laid out in a way this edit understands; add the alias by hand.");
        }
        var written = await files.WriteAsync(
            definition, edited, source.ETag, author, cancellationToken, summary: $"alias '{alias}' added to {target}");
        return new AliasResult(written);
    }

    /// <summary>
    /// A taxonomy term's label and aliases (any list, the glossary included), or a theme's title and aliases; null for neither.
    /// </summary>
    private static (IReadOnlyList<string> Names, bool IsTheme)? NamesOf(ContentSnapshot content, string target)
    {
        var taxonomy = content.Taxonomy;
        var term = new[] { taxonomy.CoreProcesses, taxonomy.Domains, taxonomy.Types, taxonomy.Roles }
            .Select(list => list.Find(target)).FirstOrDefault(t => t is not null) ?? taxonomy.Glossary.FirstOrDefault(t => t.Id == target);
        if (term is not null)
            return ([term.Label, .. term.Aliases], false);
        return content.ThemesById.TryGetValue(target, out var theme) ? ([theme.Title, .. theme.Aliases], true) : null;
    }

    /// <summary>Adds the alias to the <c>- id: target</c> entry of a YAML list: to its aliases, or as a new aliases key.</summary>
    private static string? AddToTaxonomyTerm(string text, string id, string alias)
    {
        var lines = Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var match = IdLine().Match(lines[i]);
            if (!match.Success || Unquote(match.Groups["id"].Value) != id)
                continue;
            var keyIndent = match.Groups["dash"].Length + match.Groups["space"].Length;
            var end = i + 1;
            while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) >= keyIndent) && !IdLine().IsMatch(lines[end]))
                end++;
            return AddToBlock(lines, i, end, keyIndent, alias);
        }
        return null;
    }

    /// <summary>Adds the alias to the front matter of a theme file.</summary>
    private static string? AddToFrontMatter(string text, string alias)
    {
        var lines = Lines(text);
        if (lines.Count == 0 || lines[0].TrimEnd() != "---")
            return null;
        var end = lines.FindIndex(1, l => l.TrimEnd() == "---");
        return end < 0 ? null : AddToBlock(lines, 0, end, 0, alias);
    }

    /// <summary>
    /// Within lines (after, end): extends `aliases: [..]` or an `aliases:` block list, or adds the key after line
    /// <paramref name="after"/>.
    /// </summary>
    private static string? AddToBlock(List<string> lines, int after, int end, int keyIndent, string alias)
    {
        var quoted = Quote(alias);
        for (var i = after + 1; i < end; i++)
        {
            if (Indent(lines[i]) != keyIndent || !lines[i].TrimStart().StartsWith("aliases:", StringComparison.Ordinal))
                continue;
            var value = lines[i][(lines[i].IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                var inner = value[1..^1].Trim();
                lines[i] = $"{new string(' ', keyIndent)}aliases: [{(inner.Length == 0 ? quoted : inner + ", " + quoted)}]";
                return string.Join('\n', lines);
            }
            if (value.Length > 0)
                return null;
            var last = i;
            while (last + 1 < end
                && lines[last + 1].TrimStart().StartsWith("- ", StringComparison.Ordinal)
                && Indent(lines[last + 1]) >= keyIndent)
            {
                last++;
            }
            var itemIndent = last > i ? Indent(lines[last]) : keyIndent + 2;
            lines.Insert(last + 1, $"{new string(' ', itemIndent)}- {quoted}");
            return string.Join('\n', lines);
        }
        // No aliases yet: after the first key of the entry (its id, or a theme's first field).
        lines.Insert(after + 1, $"{new string(' ', keyIndent)}aliases: [{quoted}]");
        return string.Join('\n', lines);
    }

    private static List<string> Lines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Unquote(string value) => value.Trim().Trim('"', '\'');

    [GeneratedRegex(@"^(?<dash>\s*-)(?<space>\s+)id:\s*(?<id>\S.*?)\s*$")]
    private static partial Regex IdLine();
}
