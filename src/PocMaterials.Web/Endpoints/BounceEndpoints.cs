using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>POC-a-tizer bounces for editors: an issue's bounces, the suppressed addresses and their reactivation.</summary>
public static class BounceEndpoints
{
    private const int MaxPageSize = 200;

    public static RouteGroupBuilder MapBounceEndpoints(this RouteGroupBuilder api)
    {
        var newsletter = api.MapGroup("/newsletter").RequireAuthorization(Policies.Editor).WithTags("Newsletter").NeedsDatabase();
        newsletter.MapGet("/issues/{id:long}/bounces", IssueBounces)
            .WithName("NewsletterIssueBounces")
            .WithSummary("An issue's bounces by kind (hard, soft, complaints) and how many addresses they suppressed");
        newsletter.MapGet("/suppressed", Suppressed)
            .WithName("ListSuppressedAddresses")
            .WithSummary("Addresses no issue is sent to because of bounces or a complaint, latest first, with the reason and "
                + "the receiving server's answer")
            .WithDescription($"page from 1, pageSize from 1 to {MaxPageSize} (default 50).");
        newsletter.MapPost("/suppressed/{subscriberId:long}/reactivate", Reactivate)
            .WithName("ReactivateSuppressedAddress")
            .WithSummary("Send to a suppressed address again (the reader's mailbox works again); its earlier soft bounces no "
                + "longer count")
            .Audited();
        return api;
    }

    internal static async Task<Ok<IssueBounces>> IssueBounces(long id, BounceStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.IssueCountsAsync(id, cancellationToken));

    internal static async Task<Results<Ok<SuppressedPage>, ValidationProblem>> Suppressed(
        BounceStore store, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken cancellationToken)
    {
        if (new FieldErrors().Paging(page, pageSize, MaxPageSize).Problem("The list request is not valid.") is { } invalid)
            return invalid;
        return TypedResults.Ok(await store.SuppressedAsync(page ?? 1, pageSize ?? 50, cancellationToken));
    }

    internal static async Task<Results<NoContent, NotFoundProblem>> Reactivate(
        long subscriberId, BounceStore store, HttpContext http, CancellationToken cancellationToken) =>
        await store.ReactivateAsync(subscriberId, http.User.ToStaffMember().Subject, cancellationToken) is null
            ? Problems.NotFound("suppressed address", subscriberId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : TypedResults.NoContent();
}
