using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Statistics;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Searchers that rank with the statistics of one visibility class, so that no score or suggestion
/// depends on materials the caller may not see. Built once per index reader and visibility filter. A word
/// is as telling in a title as in a body: the text fields share one document frequency per word.
/// </summary>
internal sealed class VisibleSearchers
{
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<Filter, FilteredStatisticsSearcher>> _searchers = new();

    public FilteredStatisticsSearcher For(IndexSearcher searcher, Filter visible) =>
        _searchers.GetOrCreateValue(searcher.IndexReader)
            .GetOrAdd(visible, filter => new FilteredStatisticsSearcher(searcher.IndexReader, filter, IndexFields.TextFieldBoosts.Keys)
            {
                Similarity = MaterialIndex.Ranking,
            });
}
