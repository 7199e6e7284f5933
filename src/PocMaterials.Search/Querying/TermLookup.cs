using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PocMaterials.Search.Querying;

/// <summary>
/// The term dictionary lookups of one search, for its term queries: one terms enumeration per field and
/// segment, reused for every term. Lucene's TermContext.Build opens a new enumeration per term and segment,
/// each loading its own blocks; for a query of many synonyms in several fields that was a tenth of the
/// search's time and a third of what it allocated. Not thread-safe: one search, one lookup.
/// </summary>
internal sealed class TermLookup(IndexReader reader)
{
    private readonly Dictionary<(string Field, int Leaf), TermsEnum?> _enumerations = [];

    /// <summary>A term query whose per-segment term states are looked up here.</summary>
    public TermQuery Query(Term term) => new(term, Context(term));

    /// <summary>Whether any segment holds the term.</summary>
    public bool Holds(Term term) => Context(term).DocFreq > 0;

    private TermContext Context(Term term)
    {
        var top = reader.Context;
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (!_enumerations.TryGetValue((term.Field, leaf.Ord), out var terms))
                _enumerations[(term.Field, leaf.Ord)] = terms = leaf.AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (terms is not null && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return context;
    }
}
