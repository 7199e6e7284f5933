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

/// <summary>
/// One page of results, the facet counts over the whole filtered result set, and a spelling suggestion.
/// Materials matching every word of the query come first (<paramref name="TotalAllWords"/> of them), then
/// those matching fewer; <paramref name="Total"/> and the facets count both, each material once.
/// </summary>
public sealed record MaterialSearchResult(
    int Total,
    int TotalAllWords,
    int Page,
    int PageSize,
    IReadOnlyList<MaterialHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    string? DidYouMean);

/// <summary>A material that matched, once per result list, with its best matching FAQ questions.</summary>
/// <param name="Position">1-based position in the whole result list (what reach tracking records as <c>position</c>).</param>
/// <param name="MatchesAllWords">Whether the material matched every word of the query (always true when browsing).</param>
public sealed record MaterialHit(
    int Position,
    string Slug,
    string Title,
    string Type,
    string? Summary,
    string Snippet,
    string Url,
    string? Updated,
    float Score,
    bool MatchesAllWords,
    IReadOnlyList<QuestionHit> Questions);

/// <summary>A question of a FAQ list that matched, best first; the URL opens the material at the question.</summary>
public sealed record QuestionHit(string Question, string Anchor, string Url);

public sealed record FacetValue(string Id, string Label, int Count);
