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
    private readonly Dictionary<Term, TermContext> _contexts = [];

    /// <summary>A term query whose per-segment term states are looked up here.</summary>
    public TermQuery Query(Term term) => new(term, Context(term));

    /// <summary>Whether any segment holds the term.</summary>
    public bool Holds(Term term) => Context(term).DocFreq > 0;

    /// <summary>The live documents of a segment that hold a term looked up here, without frequencies or positions.</summary>
    public DocsEnum? Documents(Term term, AtomicReaderContext leaf) =>
        Seek(term, leaf)?.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);

    /// <summary>The live documents of a segment that hold a term looked up here, with its positions in each.</summary>
    public DocsAndPositionsEnum? Positions(Term term, AtomicReaderContext leaf) =>
        Seek(term, leaf)?.DocsAndPositions(leaf.AtomicReader.LiveDocs, null, DocsAndPositionsFlags.NONE);

    /// <summary>The segment's enumeration of the term's field, on the term; none when the segment does not hold it.</summary>
    private TermsEnum? Seek(Term term, AtomicReaderContext leaf)
    {
        if (Context(term).Get(leaf.Ord) is not { } state || Enumeration(term.Field, leaf) is not { } terms)
            return null;
        terms.SeekExact(term.Bytes, state);
        return terms;
    }

    private TermContext Context(Term term)
    {
        if (_contexts.TryGetValue(term, out var known))
            return known;
        var top = reader.Context;
        var context = new TermContext(top);
        foreach (var leaf in top.Leaves)
        {
            if (Enumeration(term.Field, leaf) is { } terms && terms.SeekExact(term.Bytes))
                context.Register(terms.GetTermState(), leaf.Ord, terms.DocFreq, terms.TotalTermFreq);
        }
        return _contexts[term] = context;
    }

    private TermsEnum? Enumeration(string field, AtomicReaderContext leaf)
    {
        if (!_enumerations.TryGetValue((field, leaf.Ord), out var terms))
            _enumerations[(field, leaf.Ord)] = terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
        return terms;
    }
}
