using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Web.Endpoints;

public static class SearchEndpoints
{
    private const int DefaultPageSize = 10;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search)
            .WithName("SearchMaterials")
            .WithSummary("Search the material bank")
            .WithDescription("Full-text Dutch search over the materials the caller may see. Materials matching every word come first "
                + "(totalAllWords of them), then those matching fewer; total and facets count both. Each material appears once, "
                + "with up to three of its best matching FAQ questions (with anchors) inside its hit. "
                + "Filters repeat: OR within one dimension, AND across. An empty q browses everything. "
                + "A first page with q is recorded as a search and answers its searchId; "
                + "when only the filters or the sort of a search change, "
                + "pass its searchId as refines: the search is not recorded again and keeps that searchId "
                + "(the caller vouches that q is the same; only that the id is theirs is checked).");
        // Search-as-you-type is part of search.
        return api.MapSuggestEndpoints();
    }

    /// <summary>The query parameters of a search. Filters repeat: OR within one dimension, AND across.</summary>
    internal sealed record SearchParameters(
        [FromQuery(Name = "q")] string? Q,
        [FromQuery(Name = "type")] string[]? Type,
        [FromQuery(Name = "core_process")] string[]? CoreProcess,
        [FromQuery(Name = "theme")] string[]? Theme,
        [FromQuery(Name = "domain")] string[]? Domain,
        [FromQuery(Name = "sort")] string? Sort,
        [FromQuery(Name = "page")] int? Page,
        [FromQuery(Name = "pageSize")] int? PageSize,
        [FromQuery(Name = "refines")] Guid? Refines);

    /// <summary>The services a search uses.</summary>
    internal sealed record SearchServices(
        MaterialSearcher Searcher, ReachTracking Tracking, ContentLibrary Library, StaffCalendar Calendar);

    internal static Results<Ok<SearchResponse>, ValidationProblem> Search(
        ClaimsPrincipal user,
        [AsParameters] SearchServices services,
        [AsParameters] SearchParameters parameters)
    {
        var (searcher, tracking, library, calendar) = services;
        var (q, type, coreProcess, theme, domain, sort, page, pageSize, refines) = parameters;
        var content = library.Current;
        var errors = new FieldErrors();
        if (QueryTooLong(q) is { } tooLong)
            errors.Add("q", tooLong);
        CheckIds(errors, "type", type, content.Taxonomy.Types.Contains);
        CheckIds(errors, "core_process", coreProcess, content.Taxonomy.CoreProcesses.Contains);
        CheckIds(errors, "theme", theme, content.ThemesById.ContainsKey);
        CheckIds(errors, "domain", domain, content.Taxonomy.Domains.Contains);
        var order = sort?.ToLowerInvariant() switch
        {
            null or "" or "relevance" => SearchSort.Relevance,
            "updated" => SearchSort.Updated,
            _ => (SearchSort?)null,
        };
        if (order is null)
            errors.Add("sort", $"'{sort}' is not a sort order; use 'relevance' or 'updated'.");
        errors.Paging(page, pageSize, MaterialSearchRequest.MaxPageSize);
        if (pageSize is not (< 1 or > MaterialSearchRequest.MaxPageSize)
            && (long)(page ?? 1) * (pageSize ?? DefaultPageSize) > MaterialSearchRequest.MaxResultWindow)
        {
            errors.Add("page", $"Results can be paged up to hit {MaterialSearchRequest.MaxResultWindow}: page × pageSize may not pass it. "
                + "Narrow the search with words or filters.");
        }
        var member = user.ToStaffMember();
        if (refines is { } earlier && !tracking.IsSearchOf(member, earlier))
            errors.Add("refines", $"'{earlier}' is not the searchId of a search of yours.");
        if (errors.Problem("The search request is not valid.") is { } invalid)
            return invalid;

        var request = new MaterialSearchRequest
        {
            Query = q,
            Types = type ?? [],
            CoreProcesses = coreProcess ?? [],
            Themes = theme ?? [],
            Domains = domain ?? [],
            Sort = order!.Value,
            Page = page ?? 1,
            PageSize = pageSize ?? DefaultPageSize,
        };
        var result = searcher.Search(request, member, calendar.Today);
        // A search is what was typed on its first page; later pages, browsing and a search refined by
        // other filters or sort (refines) are not new searches.
        Guid? searchId = string.IsNullOrWhiteSpace(q) || request.Page > 1
            ? null
            : refines ?? tracking.SearchMade(member, q, request.Filters, result.Total);
        return TypedResults.Ok(new SearchResponse(
            searchId,
            result.Total,
            result.TotalAllWords,
            result.Page,
            result.PageSize,
            result.Hits,
            result.Facets,
            result.DidYouMean));
    }

    /// <summary>
    /// A page of results. Pass <c>searchId</c> and the hit's 1-based <c>position</c> when opening a hit
    /// or one of its questions, so reach reports can link the view to the search.
    /// </summary>
    /// <param name="Total">Materials that matched at least one word (each once), what the pages run over.</param>
    /// <param name="TotalAllWords">Of those, the materials that matched every word: they come first.</param>
    public sealed record SearchResponse(
        Guid? SearchId,
        int Total,
        int TotalAllWords,
        int Page,
        int PageSize,
        IReadOnlyList<MaterialHit> Hits,
        IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
        string? DidYouMean);

    /// <summary>The problem with a query over the maximum length, shared by search and suggest.</summary>
    internal static string[]? QueryTooLong(string? q) =>
        q is { Length: > MaterialSearchRequest.MaxQueryLength }
            ? [$"The query is {q.Length} characters long; at most {MaterialSearchRequest.MaxQueryLength} are allowed."]
            : null;

    private static void CheckIds(FieldErrors errors, string parameter, string[]? values, Func<string, bool> isKnown)
    {
        var unknown = (values ?? []).Where(v => !isKnown(v)).ToArray();
        if (unknown.Length > 0)
            errors.Add(parameter, unknown.Select(v => $"'{v}' is not a known {parameter} id."));
    }
}
