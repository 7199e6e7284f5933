using Lucene.Net.Analysis;
using Lucene.Net.Index;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Statistics;
using PocMaterials.Search.LuceneModules.Suggest;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Typo tolerance and "did you mean", counted among visible materials only: the nearest spellings of
/// misspelt words, and the query corrected with them.
/// </summary>
internal static class SpellingSuggestions
{
    private const int SpellingCandidates = 6;

    /// <summary>
    /// For each typed word that no visible material contains: the nearest spellings that visible
    /// materials do contain, the most frequent among them first. Frequencies count visible materials
    /// only, so terms of invisible materials are never offered nor change the order.
    /// </summary>
    public static Dictionary<string, IReadOnlyList<string>> CandidatesOf(
        FilteredStatisticsSearcher searcher,
        Analyzer textAnalyzer,
        UserQuery query)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var word in query.Words.Distinct())
        {
            if (searcher.DocFreq(new Term(IndexFields.Spelling, word)) > 0 || IsAnalysedInBody(searcher, textAnalyzer, word))
                continue;
            var candidates = FuzzyVocabulary
                .Candidates(searcher.IndexReader, IndexFields.Spelling, word, SpellingCandidates, searcher.DocFreq)
                .Select(c => c.Term)
                .ToList();
            if (candidates.Count > 0)
                result[word] = candidates;
        }
        return result;
    }

    /// <summary>
    /// The query with its misspelt words corrected; none when a word left as typed occurs in no visible
    /// material, since that suggestion would find no more than the query did.
    /// </summary>
    public static string? Suggestion(
        FilteredStatisticsSearcher searcher,
        UserQuery query,
        Dictionary<string, IReadOnlyList<string>> candidates)
    {
        if (candidates.Count == 0)
            return null;
        // Each part as suggested, and the words of it left as typed.
        var parts = query.Parts.Select<QueryPart, (string Text, IReadOnlyList<string> AsTyped)>(part => part switch
        {
            WordPart word when candidates.TryGetValue(word.Word, out var c) => (c[0], []),
            WordPart word => (word.Word, [word.Word]),
            PhrasePart phrase => ($"\"{string.Join(' ', phrase.Words)}\"", phrase.Words),
            ConceptPart concept => (string.Join(' ', concept.Words), concept.Words),
            _ => ("", []),
        }).ToList();
        if (parts.SelectMany(p => p.AsTyped).Any(w => searcher.DocFreq(new Term(IndexFields.Spelling, w)) == 0))
            return null;
        return string.Join(' ', parts.Select(p => p.Text));
    }

    /// <summary>A Dutch word that visible materials contain in another form ("leden" in "bestuursleden") is no typo.</summary>
    private static bool IsAnalysedInBody(FilteredStatisticsSearcher searcher, Analyzer textAnalyzer, string word) =>
        DutchLexicon.Shared.Contains(word)
        && TokenText.Words(textAnalyzer, IndexFields.Body, word)
            .Any(term => searcher.DocFreq(new Term(IndexFields.Body, term)) > 0);
}
