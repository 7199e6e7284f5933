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
internal sealed partial class SearchRun(
    FilteredStatisticsSearcher searcher,
    Filter? visible,
    IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
    TermLookup lookup)
{
    public FilteredStatisticsSearcher Searcher => searcher;

    /// <summary>
    /// The materials that match the ranked parts, grouped, with their facet counts. With dimension filters, in the same
    /// pass each filtered dimension is counted without its own filter (the others still apply), so its other values say
    /// what adding them would bring: OR within a dimension, as the filters work.
    /// </summary>
    /// <param name="window">How many of the best materials the page needs (the pages before it and its own).</param>
    public Collected Collect(RankedParts ranked, int window)
    {
        if (CollectFullMatches(ranked, window) is { } full)
            return full;
        var maxDoc = searcher.IndexReader.MaxDoc;
        var facets = new FacetCountCollector(IndexFields.FacetFields);
        var groups = new MaterialGroupCollector(ranked.PartCount, facets, maxDoc);
        var sideways = filters.Keys
            .Select(field => Sideways.Of(field, maxDoc))
            .ToList();
        var collected = new Collected(groups, facets, sideways);
        try
        {
            var dimensionFilters = sideways
                .Select(s => (DimensionFilter(filters.Where(f => f.Key == s.Field))!, (ICollector)s.Groups))
                .ToList();
            searcher.Search(Visible(ranked.Query), sideways.Count == 0 ? groups : new DrillSidewaysCollector(groups, dimensionFilters));
            return collected;
        }
        catch
        {
            collected.Dispose();
            throw;
        }
    }

    private Query Visible(Query q) => visible is null ? q : new FilteredQuery(q, visible);

    /// <summary>
    /// Filters by type, core process, theme and domain: OR within one, AND across. As a bit set (for this
    /// search only), which the sideways collector reads by document.
    /// </summary>
    private static Filter? DimensionFilter(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> filters)
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

/// <summary>
/// The materials one collection grouped, with their facet counts and those of each filtered dimension without its own
/// filter; disposing it returns the groups' arrays.
/// </summary>
internal sealed record Collected(MaterialGroupCollector Groups, FacetCountCollector Facets, IReadOnlyList<Sideways> Sideways)
    : IDisposable
{
    /// <summary>How many materials matched, when more did than were grouped (only those matching every part were).</summary>
    public int? Matched { get; init; }

    /// <summary>How many materials matched.</summary>
    public int Count => Matched ?? Groups.Count;

    /// <summary>Every dimension's counts: a filtered one's from the hits and the materials only its own filter left out.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts()
    {
        var counts = Facets.Counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var sideways in Sideways)
        {
            var merged = new Dictionary<string, int>(counts[sideways.Field], StringComparer.Ordinal);
            foreach (var (value, count) in sideways.Facets.Counts[sideways.Field])
                merged[value] = merged.GetValueOrDefault(value) + count;
            counts[sideways.Field] = merged;
        }
        return counts;
    }

    public void Dispose()
    {
        Groups.Dispose();
        foreach (var sideways in Sideways)
            sideways.Groups.Dispose();
    }
}

/// <summary>A filtered dimension's near misses: the materials that pass every filter but its own, grouped and counted.</summary>
internal sealed record Sideways(string Field, FacetCountCollector Facets, MaterialGroupCollector Groups)
{
    public static Sideways Of(string field, int maxDoc)
    {
        var facets = new FacetCountCollector([field]);
        return new Sideways(field, facets, new MaterialGroupCollector(0, facets, maxDoc));
    }
}
