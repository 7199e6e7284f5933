using Cronos;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// The recurring job that composes the issue of the month. Running it again for a month finds the
/// issue already there. A run long after its schedule (the server was down) never sends on its own.
/// </summary>
public sealed partial class ComposeIssueJob(
    IssueComposer composer,
    IssueStore issues,
    ContentLibrary library,
    StaffCalendar calendar,
    IBackgroundJobClient jobs,
    IOptions<NewsletterOptions> options,
    TimeProvider time,
    ILogger<ComposeIssueJob> logger)
{
    public const string RecurringJobId = "newsletter-compose";

    [AutomaticRetry(Attempts = 3)]
    public async Task<long?> RunAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var composed = await composer.ComposeAsync(today, library.Current, today, cancellationToken);
        if (composed is null)
        {
            LogNoTheme(logger, today);
            return null;
        }
        var late = IsLate();
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

    /// <summary>Whether this run is later than <see cref="NewsletterOptions.LateAfter"/> after the schedule's last occurrence.</summary>
    private bool IsLate()
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var cron = CronExpression.Parse(settings.ComposeCron);
        // The last occurrence at or before now: the first one after (now - window), if any falls in the window.
        var scheduled = cron.GetNextOccurrence(now - settings.LateAfter, calendar.Zone, inclusive: true);
        return scheduled is null || scheduled > now;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No POC-a-tizer issue for {Month}: there is no theme to feature")]
    private static partial void LogNoTheme(ILogger logger, DateOnly month);

    [LoggerMessage(Level = LogLevel.Information, Message = "The POC-a-tizer of {Month} was composed before (issue {Issue}, {Status})")]
    private static partial void LogComposedBefore(ILogger logger, string month, long issue, IssueStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed the POC-a-tizer of {Month} (issue {Issue}) featuring {Feature}{Late}")]
    private static partial void LogComposed(ILogger logger, string month, long issue, string feature, string late);
}
