using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Publishing;
using PocMaterials.Publishing.Files;

namespace PocMaterials.Publishing.Definitions;

/// <summary>The outcome of adding an alias: written (with the version), or why not.</summary>
public sealed record AliasResult(WriteResult? Written, string? Refusal = null);

/// <summary>
/// Turns a search term into an alias (a search synonym) of a taxonomy term or a theme, as an edit of the file as written
/// (the one edit of definition files, <see cref="DefinitionYaml"/>), so the editor's layout and comments stay; the changed
/// file is then validated and versioned as any other change.
/// </summary>
public static class TermAliases
{
    public static async Task<AliasResult> AddAsync(
        DefinitionFiles files,
        ContentSnapshot content,
        string target,
        string alias,
        string author,
        CancellationToken cancellationToken)
    {
        var list = DefinitionEdits.TaxonomyLists.FirstOrDefault(l => DefinitionEdits.TermsOf(content.Taxonomy, l).Any(t => t.Id == target));
        var term = list is null ? null : DefinitionEdits.TermsOf(content.Taxonomy, list).First(t => t.Id == target);
        var theme = content.ThemesById.GetValueOrDefault(target);
        IReadOnlyList<string>? names = term is not null ? [term.Label, .. term.Aliases]
            : theme is not null ? [theme.Title, .. theme.Aliases]
            : null;
        if (names is null)
            return new AliasResult(null, $"'{target}' is neither a term of taxonomy.yml nor a theme.");
        var definition = term is null ? Definition.Theme(files.Location, target) : Definition.Taxonomy(files.Location);
        if (names.Any(n => string.Equals(n, alias, StringComparison.OrdinalIgnoreCase)))
            return new AliasResult(null, $"'{alias}' already names '{target}'.");
        if (DefinitionFiles.Read(definition) is not { } source)
            return new AliasResult(null, $"{definition.File} does not exist.");
        var aliases = FieldValue.List([.. names.Skip(1), alias]);
        var edited = term is not null
            ? DefinitionYaml.EditEntry(source.Text, list, target, Aliases(aliases), DefinitionEdits.TermFields)
            : MaterialMarkdown.Read(source.Text) is { } read
                ? MaterialMarkdown.Write(source.Text, new Dictionary<string, FieldValue>(read.Fields) { ["aliases"] = aliases }, null,
                    ThemeParser.Fields)
                : null;
        if (edited is null)
        {
            return new AliasResult(null,
                $"The entry of '{target}' in {definition.File} is not laid out in a way this edit understands; add the alias by hand.");
        }
        var written = await files.WriteAsync(
            definition, edited, source.ETag, author, cancellationToken, summary: $"alias '{alias}' added to {target}");
        return new AliasResult(written);
    }

    private static Dictionary<string, FieldValue> Aliases(FieldValue aliases) => new(StringComparer.Ordinal) { ["aliases"] = aliases };
}
