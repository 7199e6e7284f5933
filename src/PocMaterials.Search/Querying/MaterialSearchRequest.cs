namespace PocMaterials.Search.Querying;

public enum SearchSort
{
    Relevance,
    Updated,
}

/// <summary>A search of the material bank: text, filters (OR within a dimension, AND across), order and page.</summary>
public sealed record MaterialSearchRequest
{
    public const int MaxQueryLength = 500;
    public const int MaxPageSize = 100;

    /// <summary>
    /// How deep a result list can be paged: page × pageSize may not pass it. Collecting costs memory in
    /// proportion to the depth, and nobody reads past the first hundreds of hits.
    /// </summary>
    public const int MaxResultWindow = 1000;

    public string? Query { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> CoreProcesses { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Domains { get; init; } = [];
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;

    /// <summary>The filters given, by dimension (the facet names: type, core_process, theme, domain).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters => new[]
    {
        (Indexing.IndexFields.Type, Types), (Indexing.IndexFields.CoreProcess, CoreProcesses),
        (Indexing.IndexFields.Theme, Themes), (Indexing.IndexFields.Domain, Domains),
    }.Where(f => f.Item2.Count > 0).ToDictionary(f => f.Item1, f => f.Item2);
}

/// <summary>One page of results, the facet counts over the whole filtered result set, and a spelling suggestion.</summary>
public sealed record MaterialSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<MaterialHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? DidYouMean);

/// <summary>A material, or one question of a FAQ list, that matched.</summary>
public sealed record MaterialHit(
    string Slug,
    string Title,
    string Type,
    string? Summary,
    string Snippet,
    string Url,
    string? Updated,
    float Score,
    string? Question,
    string? Anchor);

public sealed record FacetValue(string Id, string Label, int Count);
