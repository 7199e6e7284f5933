using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

public static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search)
            .WithName("SearchMaterials")
            .WithSummary("Search the material bank")
            .WithDescription("Full-text Dutch search over the materials the caller may see. Filters repeat: OR within one dimension, AND across. An empty q browses everything.");
        return api;
    }

    internal static Results<Ok<MaterialSearchResult>, ValidationProblem> Search(
        ClaimsPrincipal user,
        MaterialSearcher searcher,
        ContentLibrary library,
        BrusselsCalendar calendar,
        [FromQuery] string? q,
        [FromQuery] string[]? type,
        [FromQuery(Name = "core_process")] string[]? coreProcess,
        [FromQuery] string[]? theme,
        [FromQuery] string[]? domain,
        [FromQuery] string? sort,
        [FromQuery] int? page,
        [FromQuery] int? pageSize)
    {
        var content = library.Current;
        var errors = new Dictionary<string, string[]>();
        if (q is { Length: > MaterialSearchRequest.MaxQueryLength })
            errors["q"] = [$"The query is {q.Length} characters long; at most {MaterialSearchRequest.MaxQueryLength} are allowed."];
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
            errors["sort"] = [$"'{sort}' is not a sort order; use 'relevance' or 'updated'."];
        if (page is < 1)
            errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > MaterialSearchRequest.MaxPageSize)
            errors["pageSize"] = [$"pageSize must be between 1 and {MaterialSearchRequest.MaxPageSize}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The search request is not valid.");

        var request = new MaterialSearchRequest
        {
            Query = q,
            Types = type ?? [],
            CoreProcesses = coreProcess ?? [],
            Themes = theme ?? [],
            Domains = domain ?? [],
            Sort = order!.Value,
            Page = page ?? 1,
            PageSize = pageSize ?? 10,
        };
        return TypedResults.Ok(searcher.Search(request, user.ToStaffMember(), calendar.Today));
    }

    private static void CheckIds(Dictionary<string, string[]> errors, string parameter, string[]? values, Func<string, bool> isKnown)
    {
        var unknown = (values ?? []).Where(v => !isKnown(v)).ToArray();
        if (unknown.Length > 0)
            errors[parameter] = unknown.Select(v => $"'{v}' is not a known {parameter} id.").ToArray();
    }
}
