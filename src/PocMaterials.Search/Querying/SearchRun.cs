using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Filters;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.LuceneModules.Statistics;

namespace PocMaterials.Search.Querying;

/// <summary>
/// One search over one view of the index: the searcher that ranks within what the viewer may see, and
/// the visibility and dimension filters that every collection of it applies.
/// </summary>
internal sealed class SearchRun(
    FilteredStatisticsSearcher searcher,
    Filter? visible,
    IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
    Filter? dimensions)
{
    public FilteredStatisticsSearcher Searcher => searcher;

    /// <summary>The materials that match the ranked parts, grouped, with their facet counts.</summary>
    public Collected Collect(RankedParts ranked)
    {
        var facets = new FacetCountCollector(IndexFields.FacetFields);
        var groups = new MaterialGroupCollector(ranked.PartCount, facets, searcher.IndexReader.MaxDoc);
        try
        {
            searcher.Search(Restrict(ranked.Query), groups);
        }
        catch
        {
            groups.Dispose();
            throw;
        }
        return new Collected(groups, facets);
    }

    // A filtered dimension is counted without its own filter (the others still apply), so its other
    // values say what adding them would bring: OR within a dimension, as the filters work.
    public IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts(RankedParts ranked, FacetCountCollector facets)
    {
        var counts = facets.Counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var field in filters.Keys)
        {
            var own = new FacetCountCollector([field]);
            using var groups = new MaterialGroupCollector(0, own, searcher.IndexReader.MaxDoc);
            Query matching = new ConstantScoreQuery(ranked.Query);
            if (visible is not null)
                matching = new FilteredQuery(matching, visible);
            if (DimensionFilter(filters.Where(f => f.Key != field)) is { } others)
                matching = new FilteredQuery(matching, others);
            searcher.Search(matching, groups);
            counts[field] = own.Counts[field];
        }
        return counts;
    }

    private Query Restrict(Query q)
    {
        if (visible is not null)
            q = new FilteredQuery(q, visible);
        return dimensions is null ? q : new FilteredQuery(q, dimensions);
    }

    /// <summary>
    /// Filters by type, core process, theme and domain: OR within one, AND across. As a bit set (for this
    /// search only), so the scorers skip what it leaves out instead of leap-frogging with it: a query of
    /// many synonyms is costly to advance.
    /// </summary>
    public static Filter? DimensionFilter(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> filters)
    {
        var all = new BooleanQuery();
        foreach (var (field, values) in filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values.Distinct())
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new BitSetCachingFilter(new QueryWrapperFilter(all));
    }
}

/// <summary>The materials one collection grouped, with their facet counts; disposing it returns the groups' arrays.</summary>
internal sealed record Collected(MaterialGroupCollector Groups, FacetCountCollector Facets) : IDisposable
{
    public void Dispose() => Groups.Dispose();
}
