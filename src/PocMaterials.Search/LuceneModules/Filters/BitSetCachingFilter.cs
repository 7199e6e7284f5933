using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Filters;

/// <summary>
/// Caches a filter's documents per segment as a bit set. Unlike CachingWrapperFilter's compressed
/// sets, a bit set offers random access, so FilteredQuery hands it down to the scorers as accepted
/// documents instead of leap-frogging through it: much cheaper for broad filters such as visibility.
/// </summary>
public sealed class BitSetCachingFilter(Filter filter) : Filter
{
    private readonly ConditionalWeakTable<object, FixedBitSet> _cache = new();

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        var reader = context.AtomicReader;
        // Computed without deletions, so the set serves every reader of the segment; deletions apply per call.
        var bits = _cache.GetValue(reader.CoreCacheKey, _ => Compute(context, reader.MaxDoc));
        return BitsFilteredDocIdSet.Wrap(bits, acceptDocs);
    }

    private FixedBitSet Compute(AtomicReaderContext context, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        var iterator = filter.GetDocIdSet(context, null)?.GetIterator();
        if (iterator is not null)
            bits.Or(iterator);
        return bits;
    }
}
