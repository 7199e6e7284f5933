using Lucene.Net.Analysis;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// The words of a text as the search engine reads them, for features outside it (learning from use compares what staff
/// typed with the names of terms): a query's content words, and the keys a text is indexed under.
/// </summary>
public sealed class SearchWords
{
    private readonly Analyzer _text = DutchAnalyzers.Text();
    private readonly DutchQueryWords _query = new(DutchAnalyzers.Folded(), DutchLexicon.Shared);

    /// <summary>The query's words without stop, question and function words, folded and joined as a query reads them.</summary>
    public IReadOnlyList<string> ContentWords(string query) =>
        [.. _query.Read(query).Where(w => !w.IsFunctionWord).Select(w => w.Word)];

    /// <summary>The text's words as the index holds them: per word its terms, its stem first, then the parts of a compound.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Words(string text) =>
        [.. TokenText.Positions(_text, "", text).Select(p => (IReadOnlyList<string>)p.Terms)];

    /// <summary>Every term the text analysis makes of the text: stems, with the parts of compounds.</summary>
    public IReadOnlySet<string> Keys(string text) =>
        new HashSet<string>(TokenText.Positions(_text, "", text).SelectMany(p => p.Terms), StringComparer.Ordinal);
}
