using Lucene.Net.Analysis;
using PocMaterials.Content.Library;
using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Synonym groups from the taxonomy (labels and aliases) and the themes (titles and aliases):
/// "HGD" and "handelingsgerichte diagnostiek" are one group. Expanded at query time, both ways,
/// because Lucene.Net 4.8 has no SynonymGraphFilter to expand multi-word synonyms at index time.
/// Groups that share a member are merged.
/// </summary>
internal sealed class SearchSynonyms
{
    public static readonly SearchSynonyms Empty = new(new Dictionary<string, int>(), [], 0);

    private readonly Dictionary<string, int> _groupOf;
    private readonly IReadOnlyList<IReadOnlyList<string>> _groups;

    private SearchSynonyms(Dictionary<string, int> groupOf, IReadOnlyList<IReadOnlyList<string>> groups, int maxWords)
    {
        _groupOf = groupOf;
        _groups = groups;
        MaxWords = maxWords;
    }

    /// <summary>The most words any member has.</summary>
    public int MaxWords { get; }

    public static SearchSynonyms From(ContentSnapshot content)
    {
        var sets = new List<IEnumerable<string>>();
        var taxonomy = content.Taxonomy;
        var terms = taxonomy.CoreProcesses.All.Concat(taxonomy.Domains.All).Concat(taxonomy.Glossary);
        foreach (var term in terms.Where(t => t.Aliases.Count > 0))
            sets.Add([term.Label, .. term.Aliases]);
        foreach (var theme in content.Themes.Where(t => t.Aliases.Count > 0))
            sets.Add([theme.Title, .. theme.Aliases]);
        return Build(sets);
    }

    /// <param name="sets">Each set: texts that mean the same, as people write them.</param>
    public static SearchSynonyms Build(IEnumerable<IEnumerable<string>> sets)
    {
        using var spelling = Analysis.DutchAnalyzers.Spelling();
        var members = new List<List<string>>();
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var keys = set.Select(text => Key(spelling, text)).Where(k => k.Length > 0).Distinct().ToList();
            // Merge with every existing group that shares a member.
            var existing = keys.Where(groupOf.ContainsKey).Select(k => groupOf[k]).Distinct().ToList();
            var target = existing.Count > 0 ? existing[0] : members.Count;
            if (target == members.Count)
                members.Add([]);
            foreach (var other in existing.Skip(1))
            {
                foreach (var key in members[other])
                {
                    groupOf[key] = target;
                    members[target].Add(key);
                }
                members[other].Clear();
            }
            foreach (var key in keys.Where(k => !members[target].Contains(k)))
            {
                members[target].Add(key);
                groupOf[key] = target;
            }
        }
        var maxWords = groupOf.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(0).Max();
        return new SearchSynonyms(groupOf, members, maxWords);
    }

    /// <summary>The synonym group of a sequence of folded words, if it is one of the group's members.</summary>
    public IReadOnlyList<string>? GroupOf(IEnumerable<string> words) =>
        _groupOf.TryGetValue(string.Join(' ', words), out var group) && _groups[group].Count > 1 ? _groups[group] : null;

    private static string Key(Analyzer spelling, string text) => string.Join(' ', TokenText.Words(spelling, "", text));
}
