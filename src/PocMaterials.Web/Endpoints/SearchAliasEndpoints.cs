using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>From the searches report to a fix: a query that found nothing becomes an alias of a taxonomy term or theme.</summary>
public static class SearchAliasEndpoints
{
    public sealed record AliasRequest(string? Query, string? Target);

    /// <summary>What the query finds now, for every staff member (clb-medewerker): materials matching any word, and all of them.</summary>
    public sealed record AliasResponse(string Query, string Target, int Version, int Materials, int MaterialsWithAllWords);

    public static RouteGroupBuilder MapSearchAliasEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/reports/searches/aliases", AddAlias)
            .RequireAuthorization(Policies.Editor)
            .WithTags("Reports (editors)")
            .Audited()
            .NeedsDatabase()
            .WithName("AddSearchAlias")
            .WithSummary("Make a query (typically one without results) an alias of a taxonomy term or theme; "
                + "answers how many materials it finds now")
            .WithDescription("Body: {\"query\": \"leer achterstand\", \"target\": \"<term or theme id>\"}. "
                + "The alias is written into taxonomy.yml or the theme's file, as a new version by the editor.");
        return api;
    }

    internal static async Task<Results<Created<AliasResponse>, ValidationProblem, ConflictProblem>> AddAlias(
        AliasRequest request, HttpContext http, DefinitionFiles files, ContentLibrary library, MaterialSearcher searcher,
        StaffCalendar calendar, CancellationToken cancellationToken)
    {
        var query = request.Query?.Trim() ?? "";
        if (query.Length is 0 or > FieldLimits.Alias || query.Any(char.IsControl))
            return Problems.Invalid("query", $"The query must be 1 to {FieldLimits.Alias} characters, without control characters.");
        if (string.IsNullOrWhiteSpace(request.Target))
            return Problems.Invalid("target", "Name the id of a taxonomy term or theme.");
        var result = await TermAliases.AddAsync(
            files, library.Current, request.Target, query, http.User.ToStaffMember().Subject, cancellationToken);
        if (result.Refusal is { } refusal)
            return Problems.Invalid("target", refusal);
        if (result.Written is not { Version: { } version, Outcome: Publishing.Files.WriteOutcome.Replaced })
            return Problems.Conflict("The file changed while the alias was added; try again.");

        // The write was answered once this host reloaded it and the index carries it: the count is the alias's.
        var found = searcher.Search(
            new MaterialSearchRequest { Query = query }, new StaffMember("alias-check", [StaffRoles.Everyone], null), calendar.Today);
        return TypedResults.Created($"/api/taxonomy", new AliasResponse(query, request.Target, version, found.Total, found.TotalAllWords));
    }
}
