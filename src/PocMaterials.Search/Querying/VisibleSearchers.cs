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
internal sealed class VisibleSearchers(TimeProvider? time = null)
{
    /// <summary>How long a filter not searched with is still prepared for on a new reader (see Prepare).</summary>
    internal static readonly TimeSpan Lately = TimeSpan.FromHours(1);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConditionalWeakTable<IndexReader, ConcurrentDictionary<Filter, FilteredStatisticsSearcher>> _searchers = new();
    // When each filter was last searched with, noted at most once a minute per filter.
    private readonly ConcurrentDictionary<Filter, long> _searchedAt = new();

    public FilteredStatisticsSearcher For(IndexReader reader, Filter visible)
    {
        var now = _time.GetTimestamp();
        if (!_searchedAt.TryGetValue(visible, out var at) || _time.GetElapsedTime(at, now) > TimeSpan.FromMinutes(1))
            _searchedAt[visible] = now;
        return _searchers.GetValue(reader, _ => new()).GetOrAdd(visible, filter => Create(reader, filter));
    }

    /// <summary>
    /// Makes a new reader's searchers for the filters searched with lately, their statistics of the whole filter
    /// counted: a segment the reader shares with the last costs nothing (see SegmentStatistics). A filter of roles
    /// nobody searched as for <see cref="Lately"/> (yesterday's: filters are per day) is forgotten.
    /// </summary>
    /// <returns>The filters prepared for.</returns>
    public IReadOnlyCollection<Filter> Prepare(IndexReader reader)
    {
        var searchers = _searchers.GetValue(reader, _ => new());
        var prepared = new List<Filter>();
        foreach (var searched in _searchedAt)
        {
            if (_time.GetElapsedTime(searched.Value) > Lately)
            {
                _searchedAt.TryRemove(searched);
                continue;
            }
            var searcher = searchers.GetOrAdd(searched.Key, filter => Create(reader, filter));
            foreach (var field in IndexFields.TextFieldBoosts.Keys)
                searcher.CollectionStatistics(field);
            prepared.Add(searched.Key);
        }
        return prepared;
    }

    private static FilteredStatisticsSearcher Create(IndexReader reader, Filter filter) =>
        new(reader, filter, IndexFields.TextFieldBoosts.Keys) { Similarity = MaterialIndex.Ranking };
}
