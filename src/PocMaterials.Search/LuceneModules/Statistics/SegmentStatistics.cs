using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Statistics;

/// <summary>
/// One segment's ranking statistics within a filter: the documents it accepts, their number, the fields' lengths and
/// the terms' frequencies among them. Kept for as long as the segment holds the same live documents, so a publish
/// that leaves a segment unchanged does not count it again: the next reader shares it.
/// </summary>
internal sealed class SegmentStatistics
{
    // Terms are what users type, so the cache is bounded; so are the filters, which are per roles and day.
    private const int MaxCachedTerms = 8192;
    private const int MaxFilters = 64;

    // By the live documents when the segment has deletions (a new deletion makes a new set), else by its core.
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Filter, SegmentStatistics>> Cache = new();

    /// <summary>The length each norm byte stands for: the norm holds 1/sqrt(length), 0 for a document without the field.</summary>
    private static readonly double[] Lengths = Enumerable.Range(0, 256)
        .Select(b => (sbyte)b is var norm && norm != 0 ? 1 / Math.Pow(SmallSingle.SByte315ToSingle(norm), 2) : 0)
        .ToArray();

    private readonly AtomicReader _reader;
    private readonly ConcurrentDictionary<Term, TermStatistics> _terms = new();
    private readonly ConcurrentDictionary<string, double> _lengths = new(StringComparer.Ordinal);

    private SegmentStatistics(AtomicReaderContext leaf, Filter filter)
    {
        _reader = leaf.AtomicReader;
        Accepted = AcceptedDocuments(leaf, filter);
        Count = (int)Accepted.Cardinality;
    }

    /// <summary>The live documents the filter accepts; callers only read it.</summary>
    public FixedBitSet Accepted { get; }

    /// <summary>How many documents the filter accepts.</summary>
    public int Count { get; }

    public static SegmentStatistics For(AtomicReaderContext leaf, Filter filter)
    {
        var reader = leaf.AtomicReader;
        var filters = Cache.GetValue((object?)reader.LiveDocs ?? reader.CoreCacheKey, _ => new());
        return filters.GetOrAddBounded(filter, f => new SegmentStatistics(leaf, f), MaxFilters);
    }

    /// <summary>The field's length summed over the accepted documents, as approximate as the norms BM25 reads.</summary>
    public double Length(string field) => _lengths.GetOrAdd(field, SumLength);

    /// <summary>How many accepted documents contain the term, and how often in all.</summary>
    public TermStatistics Statistics(Term term) => _terms.GetOrAddBounded(term, CountTerm, MaxCachedTerms);

    private double SumLength(string field)
    {
        if (_reader.GetNormValues(field) is not { } norms)
            return 0;
        double total = 0;
        var accepted = Accepted.GetIterator();
        for (var doc = accepted.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = accepted.NextDoc())
            total += Lengths[(byte)norms.Get(doc)];
        return total;
    }

    private TermStatistics CountTerm(Term term)
    {
        long docFreq = 0, totalTermFreq = 0;
        var termsEnum = _reader.GetTerms(term.Field)?.GetEnumerator();
        if (termsEnum is not null && termsEnum.SeekExact(term.Bytes))
        {
            var docs = termsEnum.Docs(Accepted, null, DocsFlags.FREQS);
            while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                docFreq++;
                totalTermFreq += docs.Freq;
            }
        }
        return new TermStatistics(term.Bytes, docFreq, totalTermFreq);
    }

    private static FixedBitSet AcceptedDocuments(AtomicReaderContext leaf, Filter filter)
    {
        var reader = leaf.AtomicReader;
        var accepted = new FixedBitSet(reader.MaxDoc);
        if (filter.GetDocIdSet(leaf, reader.LiveDocs)?.GetIterator() is { } iterator)
            accepted.Or(iterator);
        return accepted;
    }
}
