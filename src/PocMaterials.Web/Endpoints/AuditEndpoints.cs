using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>The audit log: every management action (a change through the API), for editors.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Latest)
            .RequireAuthorization(Policies.Editor)
            .WithTags("Audit (editors)")
            .NeedsDatabase()
            .WithName("AuditLog")
            .WithSummary("The latest management actions: who (subject and name), what, when, from which address, and the answer");
        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> Latest(
        AuditLog log, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
            return Problems.Invalid("limit", "limit must be between 1 and 10,000.");
        return TypedResults.Ok(await log.LatestAsync(limit ?? 200, cancellationToken));
    }

    /// <summary>Marks the endpoints whose changes <see cref="UseAudit"/> records, and whose actors' names it keeps.</summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(AuditedEndpoint.Instance);

    /// <summary>
    /// Records every request that changes something (not GET or HEAD) on an audited endpoint, after it was answered,
    /// whatever the answer: a refused change is part of the story too. A middleware in front of authentication's
    /// answers rather than an endpoint filter, which would not see a 401 or 403, a forgery refusal, an unreadable body
    /// or a failure.
    /// </summary>
    public static IApplicationBuilder UseAudit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<AuditedEndpoint>() is null
            || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        // An editor's name, before the change: whoever reads its version, approval or entry next (a page, right after the
        // answer) finds it. Only editors' names are kept: they are the ones whose actions are shown.
        var member = http.User.ToStaffMember();
        if (member.IsEditor && http.User.FindFirst(StaffClaims.Name)?.Value is { } name)
            await http.RequestServices.GetRequiredService<StaffNames>().RememberAsync(member.Subject, name, http.RequestAborted);
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        catch (BadHttpRequestException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            // Recorded even when the client went away: the change may have been made.
            var actor = member.Subject is { Length: > 0 } subject ? subject : "(anonymous)";
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                actor, $"{http.Request.Method} {endpoint.RoutePattern.RawText}", http.Request.Path.Value ?? "", status,
                http.Connection.RemoteIpAddress?.ToString(), CancellationToken.None);
        }
    });

    private sealed class AuditedEndpoint
    {
        public static readonly AuditedEndpoint Instance = new();
    }
}
