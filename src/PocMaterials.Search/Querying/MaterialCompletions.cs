using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.LuceneModules.Suggest;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Search.Querying;

/// <summary>A completion of what is being typed: a title, a FAQ question, a theme or an acronym.</summary>
/// <param name="Kind">material, question, theme or acronym.</param>
/// <param name="Detail">The long form of an acronym; the material of a question.</param>
/// <param name="Url">Where it opens: a material (at its question) or a theme; none for an acronym, which is searched.</param>
public sealed record Completion(string Text, string Kind, string? Detail, string? Url);

/// <summary>
/// Search-as-you-type over one content snapshot: every word typed is the start of a word of the
/// completion. Titles and questions of materials the caller may not see are never offered (the same
/// rule as <see cref="MaterialVisibility"/>); themes and acronyms are the taxonomy, which every staff
/// member sees.
/// </summary>
internal sealed partial class MaterialCompletions
{
    public const int MaxCompletions = 8;

    /// <summary>Bounds the work of a short prefix that starts thousands of words.</summary>
    private const int MaxScanned = 20_000;

    private readonly PrefixIndex<Entry> _index;

    private sealed record Entry(Completion Completion, int Rank, Material? Material);

    private MaterialCompletions(PrefixIndex<Entry> index, ContentSnapshot content)
    {
        _index = index;
        Content = content;
    }

    /// <summary>The snapshot these completions were built from.</summary>
    public ContentSnapshot Content { get; }

    public static MaterialCompletions Build(ContentSnapshot content, Analyzer folded)
    {
        IReadOnlyList<string> Words(params IEnumerable<string?> texts) =>
            texts.Where(t => t is not null).SelectMany(t => TokenText.Words(folded, "", t!)).ToList();
        var entries = new List<(Entry, IReadOnlyList<string>)>();
        var taxonomy = content.Taxonomy;
        foreach (var term in taxonomy.Glossary.Concat(taxonomy.CoreProcesses.All).Concat(taxonomy.Domains.All))
        {
            // The thesaurus's everyday words are search synonyms, not acronyms to complete.
            foreach (var alias in term.Aliases.Where(IsAcronym))
                entries.Add((new Entry(new Completion(alias, "acronym", term.Label, null), 0, null), Words(alias, term.Label)));
        }
        foreach (var theme in content.Themes)
        {
            var completion = new Completion(theme.Title, "theme", null, $"/themes/{theme.Id}");
            entries.Add((new Entry(completion, 1, null), Words([theme.Title, .. theme.Aliases])));
        }
        foreach (var material in content.Materials.Values)
        {
            var url = $"/materials/{material.Slug}";
            entries.Add((new Entry(new Completion(material.Title, "material", null, url), 2, material), Words(material.Title)));
            foreach (var question in material.Questions)
            {
                var completion = new Completion(question.Question, "question", material.Title, $"{url}#{question.Anchor}");
                entries.Add((new Entry(completion, 3, material), Words(question.Question)));
            }
        }
        return new MaterialCompletions(new PrefixIndex<Entry>(entries), content);
    }

    /// <summary>An acronym: one word of capitals, with at most two small letters in a row (HGD, BuO, 5BP, Dir/Coo).</summary>
    internal static bool IsAcronym(string alias) =>
        !alias.Any(char.IsWhiteSpace) && alias.Count(char.IsUpper) >= 2 && !LowerCaseRun().IsMatch(alias);

    [GeneratedRegex(@"\p{Ll}{3}")]
    private static partial Regex LowerCaseRun();

    /// <summary>
    /// Up to <see cref="MaxCompletions"/> completions: those starting with what was typed first, then acronyms, themes,
    /// titles, questions; shorter first.
    /// </summary>
    public IReadOnlyList<Completion> For(IReadOnlyList<string> typedWords, string typed, StaffMember viewer, DateOnly today) =>
        _index.Matching(typedWords, e => e.Material is null || e.Material.IsVisibleTo(viewer, today), MaxScanned)
            .OrderBy(e => e.Completion.Text.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(e => e.Rank)
            .ThenBy(e => e.Completion.Text.Length)
            .ThenBy(e => e.Completion.Text, StringComparer.Ordinal)
            .Select(e => e.Completion)
            .DistinctBy(c => c.Text, StringComparer.OrdinalIgnoreCase)
            .Take(MaxCompletions)
            .ToList();
}
