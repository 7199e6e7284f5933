using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Statistics;

/// <summary>
/// An <see cref="IndexSearcher"/> whose ranking statistics (document frequencies and the number of
/// documents) count only the documents a filter accepts. Scores then depend on nothing outside the
/// filter: with whole-index statistics, the score of a visible hit would tell whether a word occurs in
/// documents the filter hides.
/// </summary>
public sealed class FilteredStatisticsSearcher : IndexSearcher
{
    // Terms are what users type, so the cache is bounded; it lives as long as one index reader.
    private const int MaxCachedTerms = 8192;

    private readonly IBits?[] _accepted;
    private readonly ConcurrentDictionary<Term, TermStatistics> _terms = new();

    public FilteredStatisticsSearcher(IndexReader reader, Filter filter)
        : base(reader)
    {
        var leaves = reader.Leaves;
        _accepted = new IBits?[leaves.Count];
        for (var i = 0; i < leaves.Count; i++)
        {
            var leaf = leaves[i];
            var bits = Accepted(leaf, filter);
            _accepted[i] = bits;
            if (bits is null)
                continue;
            for (var doc = 0; doc < bits.Length; doc++)
            {
                if (bits.Get(doc))
                    DocumentCount++;
            }
        }
    }

    /// <summary>The documents the filter accepts (deleted ones left out).</summary>
    public int DocumentCount { get; }

    /// <summary>How many accepted documents contain the term.</summary>
    public long DocFreq(Term term) => Statistics(term).DocFreq;

    public override TermStatistics TermStatistics(Term term, TermContext context) => Statistics(term);

    private TermStatistics Statistics(Term term)
    {
        if (_terms.TryGetValue(term, out var cached))
            return cached;
        if (_terms.Count >= MaxCachedTerms)
            _terms.Clear();
        return _terms.GetOrAdd(term, Count);
    }

    /// <remarks>
    /// Only the document count is given: the sums over all terms would cost a pass over the whole
    /// index, and the TF-IDF similarity in use reads none of them (-1 means "not known" to Lucene).
    /// </remarks>
    public override CollectionStatistics CollectionStatistics(string field) =>
        new(field, DocumentCount, -1, -1, -1);

    private TermStatistics Count(Term term)
    {
        long docFreq = 0, totalTermFreq = 0;
        var leaves = IndexReader.Leaves;
        for (var i = 0; i < leaves.Count; i++)
        {
            if (_accepted[i] is not { } accepted)
                continue;
            var termsEnum = leaves[i].AtomicReader.GetTerms(term.Field)?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(term.Bytes))
                continue;
            var docs = termsEnum.Docs(accepted, null, DocsFlags.FREQS);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                docFreq++;
                totalTermFreq += docs.Freq;
            }
        }
        return new TermStatistics(term.Bytes, docFreq, totalTermFreq);
    }

    private static IBits? Accepted(AtomicReaderContext leaf, Filter filter)
    {
        var set = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs);
        if (set?.Bits is { } bits)
            return bits;
        var iterator = set?.GetIterator();
        if (iterator is null)
            return null;
        var copy = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        copy.Or(iterator);
        return copy;
    }
}
