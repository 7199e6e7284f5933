using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// The recurring job that composes the issue of the month. It runs every day at the compose time and composes on the
/// month's compose day (<see cref="ComposeSchedule"/>), or on a later day when the server was down then: such a late
/// run never sends on its own. Running it again for a month finds the issue already there; an issue an editor cancelled
/// before the compose day is started over, one cancelled after it stays cancelled (the editor decided on the month).
/// </summary>
public sealed partial class ComposeIssueJob(
    IssueComposer composer,
    IssueStore issues,
    ContentLibrary library,
    StaffCalendar calendar,
    ComposeSchedule schedule,
    IBackgroundJobClient jobs,
    IOptions<NewsletterOptions> options,
    TimeProvider time,
    ILogger<ComposeIssueJob> logger)
{
    public const string RecurringJobId = "newsletter-compose";

    [AutomaticRetry(Attempts = 3)]
    public async Task<long?> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = calendar.Today;
        var month = new DateOnly(today.Year, today.Month, 1);
        if (schedule.For(month) is not { } scheduled || now < scheduled)
        {
            LogNotDue(logger, today);
            return null;
        }
        if (await issues.GetAsync(month, cancellationToken) is { } existing)
        {
            LogComposedBefore(logger, existing.Key, existing.Id, existing.Status);
            return existing.Id;
        }
        var monthsIssues = await issues.ListAsync(before: month.AddMonths(1), cancellationToken: cancellationToken);
        if (monthsIssues.FirstOrDefault(i => i.Month == month && i.CancelledAt >= scheduled) is { } cancelled)
        {
            LogCancelledAfterSchedule(logger, cancelled.Key, cancelled.Id);
            return null;
        }
        return await ComposeAsync(today, late: now - scheduled > options.Value.LateAfter, cancellationToken);
    }

    private async Task<long?> ComposeAsync(DateOnly today, bool late, CancellationToken cancellationToken)
    {
        var composed = await composer.ComposeAsync(today, library.Current, today, cancellationToken);
        if (composed is null)
        {
            LogNoTheme(logger, today);
            return null;
        }
        var sendAtOnce = options.Value.SendWithoutApproval && !late;
        var (issue, created) = await issues.AddOnceAsync(composed with
        {
            Note = late ? "Samengesteld na een gemiste planning (de server stond uit): wacht op goedkeuring van een redacteur." : null,
        }, cancellationToken);
        if (!created)
        {
            LogComposedBefore(logger, issue.Key, issue.Id, issue.Status);
            return issue.Id;
        }
        LogComposed(logger, issue.Key, issue.Id, issue.Feature.Id, late ? ", late" : "");
        if (sendAtOnce
            && await issues.TransitionAsync(
                issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "automatisch", null, cancellationToken) is not null)
            SendIssueJob.Enqueue(jobs, issue.Id);
        return issue.Id;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No POC-a-tizer to compose on {Today}: the month's compose day is not there yet")]
    private static partial void LogNotDue(ILogger logger, DateOnly today);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No POC-a-tizer issue for {Month}: there is no theme to feature")]
    private static partial void LogNoTheme(ILogger logger, DateOnly month);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The POC-a-tizer of {Month} was composed before (issue {Issue}, {Status})")]
    private static partial void LogComposedBefore(ILogger logger, string month, long issue, IssueStatus status);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "The POC-a-tizer of {Month} is not composed again: an editor cancelled issue {Issue} after its compose day")]
    private static partial void LogCancelledAfterSchedule(ILogger logger, string month, long issue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed the POC-a-tizer of {Month} (issue {Issue}) featuring {Feature}{Late}")]
    private static partial void LogComposed(ILogger logger, string month, long issue, string feature, string late);
}
