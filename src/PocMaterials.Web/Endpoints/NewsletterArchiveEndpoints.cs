using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>The web archive of sent POC-a-tizer issues, for every staff member, each rendered for the caller's roles.</summary>
public static class NewsletterArchiveEndpoints
{
    public sealed record ArchivedIssue(string Month, string Subject, string Feature, DateTimeOffset? SentAt);

    public sealed record ArchivedIssueDetail(
        string Month,
        string Subject,
        string Feature,
        DateTimeOffset? SentAt,
        ContactCard? Contact,
        IReadOnlyList<MaterialGroup> Groups,
        string Html);

    public static RouteGroupBuilder MapNewsletterArchiveEndpoints(this RouteGroupBuilder api)
    {
        var archive = api.MapGroup("/newsletters").WithTags("POC-a-tizer archive").NeedsDatabase();
        archive.MapGet("/", List)
            .WithName("ListNewsletters")
            .WithSummary("Sent issues with something the caller may see, newest first");
        archive.MapGet("/{month}", Get)
            .WithName("GetNewsletter")
            .WithSummary("One sent issue (month yyyy-MM) as the caller's roles see it; reading it counts as a view of the issue")
            .WithDescription("Material links carry source=newsletter, so opening one counts as a view from the newsletter.");
        return api;
    }

    internal static async Task<Ok<List<ArchivedIssue>>> List(
        ClaimsPrincipal user,
        IssueStore store,
        NewsletterLinks links,
        ContentLibrary library,
        StaffCalendar calendar,
        CancellationToken cancellationToken)
    {
        var reader = user.ToStaffMember();
        var content = library.Current;
        var sent = await store.ListAsync(status: IssueStatus.Sent, cancellationToken: cancellationToken);
        return TypedResults.Ok(sent
            .Select(issue => (issue, view: ViewFor(issue, reader, content, calendar.Today, links)))
            .Where(x => x.view is not null)
            .Select(x => new ArchivedIssue(x.issue.Key, x.view!.Subject, x.view.FeatureTitle, x.issue.SentAt))
            .ToList());
    }

    /// <summary>The services reading an archived issue uses.</summary>
    internal sealed record ArchiveServices(
        IssueStore Store,
        IssueRenderer Renderer,
        NewsletterLinks Links,
        NewsletterEvents Events,
        ContentLibrary Library,
        StaffCalendar Calendar,
        TimeProvider Time);

    internal static async Task<Results<Ok<ArchivedIssueDetail>, NotFoundProblem>> Get(
        string month,
        ClaimsPrincipal user,
        [AsParameters] ArchiveServices services,
        CancellationToken cancellationToken)
    {
        var (store, renderer, links, events, library, calendar, time) = services;
        var reader = user.ToStaffMember();
        // Not sent, not existing and nothing visible answer alike.
        if (!NewsletterEndpoints.TryParseMonth(month, out var first)
            || await store.GetAsync(first, cancellationToken) is not { Status: IssueStatus.Sent } issue
            || ViewFor(issue, reader, library.Current, calendar.Today, links) is not { } view)
            return Problems.NotFound("newsletter", month);
        await events.RecordAsync(
            issue.Id,
            null,
            NewsletterEventKind.ArchiveView,
            null,
            automated: false,
            [.. reader.Roles],
            reader.Centre,
            time.GetUtcNow(),
            cancellationToken);
        return TypedResults.Ok(new ArchivedIssueDetail(
            issue.Key, view.Subject, view.FeatureTitle, issue.SentAt, view.Contact, view.Groups, renderer.Archive(view)));
    }

    private static IssueView? ViewFor(
        NewsletterIssue issue, StaffMember reader, ContentSnapshot content, DateOnly today, NewsletterLinks links) =>
        IssueView.For(issue, content, reader, today, slug => links.Material(slug, "newsletter"));
}
