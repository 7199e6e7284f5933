using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>An issue once it is sent: its deliveries page by page, an uncertain mail sent again, its report.</summary>
public static partial class NewsletterEndpoints
{
    private const int MaxDeliveriesPage = 1000;

    internal static async Task<Results<Ok<DeliveryPage>, ValidationProblem, NotFoundProblem>> Deliveries(
        long id,
        [FromQuery] string? status,
        [FromQuery] int? page,
        [FromQuery] int? pageSize,
        IssueStore store,
        DeliveryStore deliveries,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _))
                wanted = parsed;
            else
                errors.Add("status", $"'{status}' is not a status; use sending, sent, deferred, failed, uncertain or skipped.");
        }
        if (errors.Paging(page, pageSize, MaxDeliveriesPage).Problem() is { } invalid)
            return invalid;
        if (await store.GetAsync(id, cancellationToken) is null)
            return IssueNotFound(id);
        return TypedResults.Ok(await deliveries.ListAsync(id, wanted, page ?? 1, pageSize ?? 100, cancellationToken));
    }

    internal static async Task<Results<Ok<SendProgress>, NotFoundProblem>> Progress(
        long id, IssueProgress progress, CancellationToken cancellationToken) =>
        await progress.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : IssueNotFound(id);

    internal static async Task<Results<Accepted, ConflictProblem>> Resend(
        long id, long subscriberId, DeliveryStore deliveries, IBackgroundJobClient jobs, CancellationToken cancellationToken)
    {
        if (!await deliveries.ReleaseUncertainAsync(id, subscriberId, cancellationToken))
        {
            return Problems.Conflict(
                "Only an uncertain mail of an issue that is not cancelled can be sent again.",
                $"Issue {id} has no uncertain mail for subscriber {subscriberId}, or it was cancelled.");
        }
        SendIssueJob.Enqueue(jobs, id);
        return TypedResults.Accepted((string?)null);
    }

    internal static async Task<Results<Ok<IssueReport>, FileContentHttpResult, ValidationProblem, NotFoundProblem>> Report(
        long id, [FromQuery] string? format, IssueStore store, IssueReports reports, ContentLibrary library,
        CancellationToken cancellationToken)
    {
        if (format is not null && format is not ("json" or "csv"))
            return Problems.Invalid("format", $"'{format}' is not a format; use json or csv.");
        if (await store.GetAsync(id, cancellationToken) is not { } issue)
            return IssueNotFound(id);
        var report = await reports.ForAsync(issue, library.Current, cancellationToken);
        if (format != "csv")
            return TypedResults.Ok(report);
        var total = new object?[]
        {
            "total", "", "", report.Sent, report.UniqueOpens, report.Clicks, report.Unsubscribed, report.Failed, report.Uncertain,
        };
        object?[] Group(string kind, GroupFigures g) => [kind, g.Id, g.Label, g.Sent, g.UniqueOpens, g.Clicks, g.Unsubscribed, null, null];
        object?[] Link(LinkClicks l) => ["material", l.Link, l.Title, null, l.UniqueClickers, l.Clicks, null, null, null];
        var rows = new[] { total }
            .Concat(report.Centres.Select(c => Group("centre", c)))
            .Concat(report.Roles.Select(r => Group("role", r)))
            .Concat(report.Links.Select(Link));
        return ReportEndpoints.CsvFile(
            $"poc-a-tizer-{issue.Key}",
            ["group", "id", "label", "sent", "unique_opens", "clicks", "unsubscribed", "failed", "uncertain"],
            rows);
    }
}
