using System.Globalization;
using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>The POC-a-tizer for editors: compose, preview as a role, test, edit, approve, cancel, follow deliveries, report.</summary>
public static partial class NewsletterEndpoints
{
    public sealed record IssueSummary(
        long Id,
        string Month,
        string Feature,
        string FeatureKind,
        string Status,
        DateTimeOffset ComposedAt,
        DateTimeOffset? SentAt,
        string? Note);

    /// <param name="Titles">The current title of each material in <paramref name="Composition"/> that still exists.</param>
    /// <param name="ApprovedBy">The approving editor's token subject.</param>
    /// <param name="ApprovedByName">Their name, when a sign-in gave one: "goedgekeurd door".</param>
    public sealed record IssueDetail(IssueSummary Issue, string FeatureReason, string IntroMarkdown, IssueComposition Composition,
        IReadOnlyDictionary<string, string> Titles, string? ApprovedBy, DateTimeOffset? ApprovedAt, string? ApprovedByName);

    /// <summary>What an issue's answer is made with: the content its titles come from, the name of who approved it.</summary>
    internal sealed record IssueAnswers(ContentLibrary Library, StaffNames Names)
    {
        public async Task<IssueDetail> DetailAsync(NewsletterIssue issue, CancellationToken cancellationToken)
        {
            var content = Library.Current;
            var names = await Names.NamesOfAsync([issue.ApprovedBy], cancellationToken);
            return new(Summary(issue, content), issue.FeatureReason, issue.IntroMarkdown, issue.Composition,
                issue.Composition.AllSlugs.Where(content.Materials.ContainsKey)
                    .ToDictionary(slug => slug, slug => content.Materials[slug].Title, StringComparer.Ordinal),
                issue.ApprovedBy, issue.ApprovedAt, issue.ApprovedBy is { } subject ? names.GetValueOrDefault(subject) : null);
        }
    }

    public sealed record IntroEdit(string? Markdown);

    public static RouteGroupBuilder MapNewsletterEndpoints(this RouteGroupBuilder api)
    {
        var issues = api.MapGroup("/newsletter/issues").RequireAuthorization(Policies.Editor).WithTags("POC-a-tizer (editors)")
            .Audited().NeedsDatabase();
        issues.MapGet("/", List)
            .WithName("ListNewsletterIssues")
            .WithSummary("Every issue, newest first");
        issues.MapPost("/", Compose)
            .WithName("ComposeNewsletterIssue")
            .WithSummary("Compose the issue of a month now (month=yyyy-MM, default this month)")
            .WithDescription("The same month twice gives the same issue, unless it was cancelled: then a new one, the cancelled one kept.");
        issues.MapGet("/{id:long}", Get)
            .WithName("GetNewsletterIssue")
            .WithSummary("One issue: feature, why it was picked, intro and its materials");
        issues.MapGet("/{id:long}/preview", PreviewAs)
            .WithName("PreviewNewsletterIssue")
            .WithSummary("The mail as recipients with the given roles would receive it");
        issues.MapGet("/{id:long}/preview.html", PreviewDocument)
            .WithName("PreviewNewsletterIssueDocument")
            .WithSummary("The mail's HTML alone, as recipients with the given roles would receive it: a document to show in a frame")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        issues.MapPost("/{id:long}/test", SendTest)
            .WithName("TestNewsletterIssue")
            .WithSummary("Send the mail, as the given roles would receive it, to one address");
        issues.MapPut("/{id:long}/intro", EditIntro)
            .WithName("EditNewsletterIntro")
            .WithSummary("Replace the introduction of an issue not sent yet");
        issues.MapPost("/{id:long}/approve", Approve)
            .WithName("ApproveNewsletterIssue")
            .WithSummary("Approve a composed (or stopped) issue: it is sent");
        issues.MapPost("/{id:long}/cancel", Cancel)
            .WithName("CancelNewsletterIssue")
            .WithSummary("Cancel an issue that is not being sent or sent");
        issues.MapGet("/{id:long}/deliveries", Deliveries)
            .WithName("ListNewsletterDeliveries")
            .WithSummary("A page of the deliveries and their total, e.g. status=uncertain: mails of an interrupted run")
            .WithDescription($"By subscriber id; page from 1, pageSize from 1 to {MaxDeliveriesPage} (default 100).");
        issues.MapPost("/{id:long}/deliveries/{subscriberId:long}/resend", Resend)
            .WithName("ResendNewsletterMail")
            .WithSummary("Send an uncertain mail again, as an editor decided")
            .WithDescription("It may reach its reader twice: an uncertain mail may have gone out. The next run of the issue sends it.");
        issues.MapGet("/{id:long}/progress", Progress)
            .WithName("NewsletterIssueProgress")
            .WithSummary("How far the send is: sent, waiting, deferred, failed, uncertain, skipped, bounced, the pace in mails a "
                + "minute and the estimated end (at the relay's limits when they are slower)");
        issues.MapGet("/{id:long}/report", Report)
            .WithName("NewsletterIssueReport")
            .WithSummary(
                "Sent, failed, uncertain, unsubscribed, unique opens, clicks per link, by centre and role, centres not reached "
                + "(format=csv for CSV)")
            .ProducesCsv();
        return api;
    }

    internal static async Task<Ok<List<IssueSummary>>> List(
        IssueStore store, ContentLibrary library, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken: cancellationToken)).Select(i => Summary(i, library.Current)).ToList());

    internal static async Task<Results<Ok<IssueDetail>, ValidationProblem, UnprocessableProblem>> Compose(
        IssueComposer composer,
        IssueStore store,
        [AsParameters] IssueAnswers answers,
        StaffCalendar calendar,
        [FromQuery] string? month,
        CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var first = new DateOnly(today.Year, today.Month, 1);
        if (month is not null && !TryParseMonth(month, out first))
            return Problems.Invalid("month", $"'{month}' is not a month; write yyyy-MM.");
        if (await store.GetAsync(first, cancellationToken) is { } existing)
            return TypedResults.Ok(await answers.DetailAsync(existing, cancellationToken));
        var composed = await composer.ComposeAsync(first, answers.Library.Current, today, cancellationToken);
        if (composed is null)
            return Problems.Unprocessable("nothing-to-feature", "Nothing to feature.", "There is no theme to put in the spotlight.");
        var (issue, _) = await store.AddOnceAsync(composed, cancellationToken);
        return TypedResults.Ok(await answers.DetailAsync(issue, cancellationToken));
    }

    internal static async Task<Results<Ok<IssueDetail>, NotFoundProblem>> Get(
        long id, IssueStore store, [AsParameters] IssueAnswers answers, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } issue
            ? TypedResults.Ok(await answers.DetailAsync(issue, cancellationToken))
            : IssueNotFound(id);

    internal static async Task<Results<Ok<IssueDetail>, ValidationProblem, NotFoundProblem, ConflictProblem>> EditIntro(
        long id, IntroEdit edit, IssueStore store, [AsParameters] IssueAnswers answers, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(edit.Markdown) || edit.Markdown.Length > 20_000)
            return Problems.Invalid("markdown", "The introduction is Markdown of 1 to 20,000 characters.");
        if (await store.EditIntroAsync(id, edit.Markdown, cancellationToken) is { } issue)
            return TypedResults.Ok(await answers.DetailAsync(issue, cancellationToken));
        return await ConflictAsync(store, id, "edited", cancellationToken) is { } conflict ? conflict : IssueNotFound(id);
    }

    internal static async Task<Results<Ok<IssueDetail>, NotFoundProblem, ConflictProblem>> Approve(
        long id,
        ClaimsPrincipal user,
        IssueStore store,
        IBackgroundJobClient jobs,
        [AsParameters] IssueAnswers answers,
        CancellationToken cancellationToken)
    {
        var issue = await store.TransitionAsync(
            id, [IssueStatus.Composed, IssueStatus.Stopped], IssueStatus.Approved, user.ToStaffMember().Subject, null, cancellationToken);
        if (issue is null)
            return await ConflictAsync(store, id, "approved", cancellationToken) is { } conflict ? conflict : IssueNotFound(id);
        SendIssueJob.Enqueue(jobs, id);
        return TypedResults.Ok(await answers.DetailAsync(issue, cancellationToken));
    }

    internal static async Task<Results<Ok<IssueDetail>, NotFoundProblem, ConflictProblem>> Cancel(
        long id, IssueStore store, [AsParameters] IssueAnswers answers, CancellationToken cancellationToken)
    {
        // A sending issue too: its run stops before its next batch of recipients, so an editor can always end a send.
        var issue = await store.TransitionAsync(
            id,
            [IssueStatus.Composed, IssueStatus.Approved, IssueStatus.Stopped, IssueStatus.Sending],
            IssueStatus.Cancelled,
            null,
            null,
            cancellationToken);
        if (issue is null)
            return await ConflictAsync(store, id, "cancelled", cancellationToken) is { } conflict ? conflict : IssueNotFound(id);
        return TypedResults.Ok(await answers.DetailAsync(issue, cancellationToken));
    }

    /// <summary>An issue's month as URLs name it, yyyy-MM: its first day.</summary>
    internal static bool TryParseMonth(string month, out DateOnly first) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);

    internal static IssueSummary Summary(NewsletterIssue issue, ContentSnapshot content) => new(
        issue.Id,
        issue.Key,
        IssueView.TitleOf(issue.Feature, content),
        issue.Feature.Kind == Content.Newsletter.FeatureKind.Theme ? "theme" : "core_process",
        issue.Status.ToString().ToLowerInvariant(),
        issue.ComposedAt,
        issue.SentAt,
        issue.Note);

    /// <summary>Why an issue's status did not change: it is in another (409), or null when it does not exist (404).</summary>
    private static async Task<ConflictProblem?> ConflictAsync(
        IssueStore store, long id, string action, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } issue
            ? Problems.Conflict($"The issue cannot be {action}.", $"Issue {issue.Key} is {issue.Status.ToString().ToLowerInvariant()}.")
            : null;

    private static NotFoundProblem IssueNotFound(long id) => Problems.NotFound("newsletter issue", id);
}
