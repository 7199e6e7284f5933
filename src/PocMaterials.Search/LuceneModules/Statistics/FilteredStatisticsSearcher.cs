using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Statistics;

/// <summary>
/// An <see cref="IndexSearcher"/> whose ranking statistics (document frequencies, the number of documents
/// and the fields' lengths) count only the documents a filter accepts. Scores then depend on nothing outside the
/// filter: with whole-index statistics, the score of a visible hit would tell whether a word occurs in
/// documents the filter hides.
/// </summary>
/// <remarks>
/// A term of one of the shared fields (see the constructor) has one document frequency in all of them: its
/// highest in any. How telling a word is belongs to the word, not to the field it is found in: counted per
/// field, a word nearly every body holds ("leerling", "school") is rare among the short titles, and a title
/// holding it would outrank the one material whose body holds the rare word that names what was asked.
/// </remarks>
public sealed class FilteredStatisticsSearcher : IndexSearcher
{
    // Terms are what users type, so the cache is bounded; it lives as long as one index reader.
    private const int MaxCachedTerms = 8192;

    private readonly SegmentStatistics[] _segments;
    private readonly string[] _sharedFields;
    private readonly ConcurrentDictionary<Term, TermStatistics> _terms = new();
    // The shared statistics by the term's bytes: a query names each word in every field, often in several queries.
    private readonly ConcurrentDictionary<BytesRef, TermStatistics> _shared = new();
    private readonly ConcurrentDictionary<string, CollectionStatistics> _fields = new(StringComparer.Ordinal);

    /// <param name="sharedFields">Fields whose terms share one document frequency, the highest among them.</param>
    public FilteredStatisticsSearcher(IndexReader reader, Filter filter, IEnumerable<string>? sharedFields = null)
        : base(reader)
    {
        _sharedFields = sharedFields?.Distinct(StringComparer.Ordinal).ToArray() ?? [];
        // Per segment, shared with the next reader while the segment is unchanged (see SegmentStatistics).
        _segments = reader.Leaves.Select(leaf => SegmentStatistics.For(leaf, filter)).ToArray();
        DocumentCount = _segments.Sum(segment => segment.Count);
    }

    /// <summary>The documents the filter accepts (deleted ones left out).</summary>
    public int DocumentCount { get; }

    /// <summary>The live documents of a segment (by its ordinal in the reader) the filter accepts; callers only read it.</summary>
    public FixedBitSet Accepted(int leaf) => _segments[leaf].Accepted;

    /// <summary>How many accepted documents contain the term.</summary>
    public long DocFreq(Term term) => Statistics(term).DocFreq;

    public override TermStatistics TermStatistics(Term term, TermContext context)
    {
        if (!_sharedFields.Contains(term.Field, StringComparer.Ordinal))
            return Statistics(term);
        if (_shared.TryGetValue(term.Bytes, out var cached))
            return cached;
        long docFreq = 0, totalTermFreq = 0;
        foreach (var field in _sharedFields)
        {
            var statistics = Statistics(new Term(field, term.Bytes));
            docFreq = Math.Max(docFreq, statistics.DocFreq);
            totalTermFreq = Math.Max(totalTermFreq, statistics.TotalTermFreq);
        }
        return _shared.GetOrAddBounded(
            BytesRef.DeepCopyOf(term.Bytes), bytes => new TermStatistics(bytes, docFreq, totalTermFreq), MaxCachedTerms);
    }

    private TermStatistics Statistics(Term term) => _terms.GetOrAddBounded(term, Count, MaxCachedTerms);

    /// <remarks>
    /// The document count, and the field's total length: BM25 weighs a match by the document's length
    /// against the average. The other sums (-1: "not known" to Lucene) would cost a pass over the whole
    /// index, and BM25 reads none of them.
    /// </remarks>
    public override CollectionStatistics CollectionStatistics(string field) =>
        _fields.GetOrAdd(field, f => new CollectionStatistics(f, DocumentCount, -1, TotalLength(f), -1));

    /// <summary>
    /// The field's length summed over the accepted documents, read from its norms: a byte a document holding
    /// 1/sqrt(length), as Lucene's similarities write it, so as approximate as the lengths BM25 compares with it.
    /// </summary>
    private long TotalLength(string field) => (long)Math.Round(_segments.Sum(segment => segment.Length(field)));

    private TermStatistics Count(Term term)
    {
        long docFreq = 0, totalTermFreq = 0;
        foreach (var segment in _segments)
        {
            var statistics = segment.Statistics(term);
            docFreq += statistics.DocFreq;
            totalTermFreq += statistics.TotalTermFreq;
        }
        return new TermStatistics(term.Bytes, docFreq, totalTermFreq);
    }
}
