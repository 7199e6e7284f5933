using Lucene.Net.Analysis;
using PocMaterials.Content.Library;
using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Synonym sets from the taxonomy (labels and aliases, the glossary's thesaurus included) and the themes
/// (titles and aliases): "HGD" and "handelingsgerichte diagnostiek" are one set, "spijbelen" and
/// "problematische afwezigheid" another. Expanded at query time, both ways, because Lucene.Net 4.8 has no
/// SynonymGraphFilter to expand multi-word synonyms at index time.
/// </summary>
/// <remarks>
/// <para>
/// Members are known by their stems, as the text analyzer indexes them: "inentingen" is a member where
/// "inenting" is written, "vaccins" where "vaccin" is, and members that only differ in such a form count once.
/// </para>
/// <para>
/// A member's synonyms are the members of every set it belongs to, one step: sets that share a member are
/// not merged. "kindermishandeling" is an alias of the theme Verontrusting and the label of a thesaurus entry
/// whose aliases include "blauwe plekken": a query for "kindermishandeling" finds both sets, while "blauwe
/// plekken" finds the official term and its own entry without every other alias of the theme
/// ("jeugddelinquentie", "melding"). Merging would chain a thesaurus into a few sets of everything.
/// </para>
/// </remarks>
internal sealed class SearchSynonyms
{
    public static readonly SearchSynonyms Empty = new([], new Dictionary<string, int[]>(), null, 0);

    private readonly IReadOnlyList<IReadOnlyList<Member>> _sets;
    private readonly Dictionary<string, int[]> _setsOf;
    private readonly Dictionary<string, IReadOnlyList<(int Position, List<string> Terms)>> _analysed = new(StringComparer.Ordinal);
    private readonly Analyzer? _text;

    /// <summary>A member as written (what is searched), its words as the text analyzer indexes them, and its key: their stems.</summary>
    private sealed record Member(string Text, IReadOnlyList<(int Position, List<string> Terms)> Positions)
    {
        public string Key { get; } = KeyOf(Positions);
    }

    private SearchSynonyms(
        IReadOnlyList<IReadOnlyList<Member>> sets, Dictionary<string, int[]> setsOf, Analyzer? text, int maxWords)
    {
        _sets = sets;
        _setsOf = setsOf;
        _text = text;
        MaxWords = maxWords;
        foreach (var member in sets.SelectMany(set => set))
            _analysed.TryAdd(member.Text, member.Positions);
    }

    /// <summary>The most words any member has.</summary>
    public int MaxWords { get; }

    /// <param name="text">The analyzer of the searchable text, whose stems are the members' keys.</param>
    public static SearchSynonyms From(ContentSnapshot content, Analyzer text)
    {
        var sets = new List<IEnumerable<string>>();
        var taxonomy = content.Taxonomy;
        var terms = taxonomy.CoreProcesses.All.Concat(taxonomy.Domains.All).Concat(taxonomy.Glossary);
        foreach (var term in terms.Where(t => t.Aliases.Count > 0))
            sets.Add([term.Label, .. term.Aliases]);
        foreach (var theme in content.Themes.Where(t => t.Aliases.Count > 0))
            sets.Add([theme.Title, .. theme.Aliases]);
        return Build(sets, text);
    }

    /// <param name="sets">Each set: texts that mean the same, as people write them.</param>
    /// <param name="text">The analyzer of the searchable text, whose stems are the members' keys.</param>
    public static SearchSynonyms Build(IEnumerable<IEnumerable<string>> sets, Analyzer text)
    {
        var members = new List<IReadOnlyList<Member>>();
        var setsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            var distinct = set
                .Select(written => new Member(written, TokenText.Positions(text, "", written)))
                .Where(m => m.Key.Length > 0)
                .DistinctBy(m => m.Key, StringComparer.Ordinal)
                .ToList();
            if (distinct.Count < 2)
                continue;
            foreach (var member in distinct)
            {
                if (!setsOf.TryGetValue(member.Key, out var of))
                    setsOf[member.Key] = of = [];
                of.Add(members.Count);
            }
            members.Add(distinct);
        }
        var maxWords = setsOf.Keys.Select(k => k.Split(' ').Length).DefaultIfEmpty(0).Max();
        var keys = setsOf.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        return new SearchSynonyms(members, keys, text, maxWords);
    }

    /// <summary>The keys of folded words as typed, one a word: the stem of each.</summary>
    public IReadOnlyList<string> Keys(IEnumerable<string> words) =>
        _text is null ? [] : words.Select(word => Key(_text, word)).ToList();

    /// <summary>
    /// The synonyms of a run of words, given by their <see cref="Keys"/>, if they are a member of a set: the
    /// other members of every set they belong to, each once; none otherwise.
    /// </summary>
    public IReadOnlyList<string>? SynonymsOf(IEnumerable<string> keys)
    {
        var key = string.Join(' ', keys.Where(k => k.Length > 0));
        if (key.Length == 0 || !_setsOf.TryGetValue(key, out var sets))
            return null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { key };
        var synonyms = new List<string>();
        foreach (var set in sets)
        {
            foreach (var member in _sets[set])
            {
                if (seen.Add(member.Key))
                    synonyms.Add(member.Text);
            }
        }
        return synonyms.Count > 0 ? synonyms : null;
    }

    /// <summary>
    /// A member's words as the text analyzer indexes them, analysed once when the sets were built: a query names a
    /// concept's every synonym, which would otherwise be analysed again on each search.
    /// </summary>
    public IReadOnlyList<(int Position, List<string> Terms)>? Analysed(string text) => _analysed.GetValueOrDefault(text);

    /// <summary>The stems of a text's words (the whole word of a compound), stop words left out.</summary>
    private static string Key(Analyzer text, string written) => KeyOf(TokenText.Positions(text, "", written));

    private static string KeyOf(IReadOnlyList<(int Position, List<string> Terms)> positions) =>
        string.Join(' ', positions.Select(p => p.Terms[0]));
}
