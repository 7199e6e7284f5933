using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Persistence;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>The audit log: every management action (a change through the API), for editors.</summary>
public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", Latest).RequireAuthorization(Policies.Editor).WithTags("Audit (editors)")
            .WithName("AuditLog").WithSummary("The latest management actions: who, what, when, from which address, and the answer");
        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> Latest(AuditLog log, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 10_000)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be between 1 and 10,000."] });
        return TypedResults.Ok(await log.LatestAsync(limit ?? 200, cancellationToken));
    }

    /// <summary>
    /// Records every request that changes something (not GET or HEAD) on the group it is added to,
    /// after it was answered, whatever the answer: a refused change is part of the story too.
    /// </summary>
    public static TBuilder Audited<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var http = context.HttpContext;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                return result;
            var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
            await http.RequestServices.GetRequiredService<AuditLog>().RecordAsync(
                http.User.ToStaffMember().Subject, $"{http.Request.Method} {route}", http.Request.Path.Value ?? "", status,
                http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
            return result;
        });
}
