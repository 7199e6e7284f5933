using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

public static class SuggestEndpoints
{
    public static RouteGroupBuilder MapSuggestEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/suggest", Suggest)
            .WithName("SuggestCompletions")
            .WithSummary("Complete what is being typed in the search box")
            .WithDescription("Up to eight completions of q, for search-as-you-type: material titles, FAQ questions, themes and acronyms "
                + "(with their long form in detail), each with a word starting with every word of q. Only what the caller may see.");
        return api;
    }

    internal static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(
        ClaimsPrincipal user,
        MaterialSearcher searcher,
        StaffCalendar calendar,
        [FromQuery] string? q)
    {
        if (SearchEndpoints.QueryTooLong(q) is { } tooLong)
            return Problems.Invalid("q", tooLong, title: "The suggest request is not valid.");
        return TypedResults.Ok(new SuggestResponse(searcher.Complete(q, user.ToStaffMember(), calendar.Today)));
    }

    /// <summary>Completions, best first: those starting with what was typed, then acronyms, themes, titles and questions.</summary>
    public sealed record SuggestResponse(IReadOnlyList<Completion> Suggestions);
}
