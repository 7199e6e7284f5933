using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// Once Hangfire's schema is in place: registers the recurring compose job (daily, at the configured time),
/// and resumes issues whose sending a stopped or killed server left unfinished (the job of a killed server
/// would only come back after Hangfire's invisibility timeout; the send lock keeps two runs from overlapping).
/// Approval commits first and enqueues the send after: every minute (and at start) an issue still approved
/// a minute after its approval lost that enqueue with its host, and its send is enqueued again.
/// </summary>
internal sealed partial class NewsletterSchedule(
    IRecurringJobManager recurringJobs,
    IBackgroundJobClient jobs,
    IssueStore issues,
    ComposeSchedule schedule,
    IOptions<SmtpOptions> smtp,
    IOptions<BounceOptions> bounces,
    StaffCalendar calendar,
    TimeProvider time,
    ILogger<NewsletterSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    // An approval's own enqueue starts the send within a second; one still approved after this long lost it.
    private static readonly TimeSpan ApprovalGrace = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Allowed, as the outbox relays nothing; said once, so whoever reads an .eml file or moves to a server knows why.
        if (smtp.Value.UsesOutbox && smtp.Value.From is null)
            LogOutboxSender(logger, SmtpOptions.OutboxSender);
        // Daily: a cron expression knows no public or school holidays, so the job itself decides which day is the month's.
        recurringJobs.AddOrUpdate<ComposeIssueJob>(
            ComposeIssueJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            schedule.DailyCron,
            new RecurringJobOptions { TimeZone = calendar.Zone });
        // A poll a minute, also beside the IDLE watcher: the reader for servers without IDLE, and a safety net.
        if (bounces.Value.ReadsMailbox)
        {
            recurringJobs.AddOrUpdate<ReadBouncesJob>(
                ReadBouncesJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        }
        else
            recurringJobs.RemoveIfExists(ReadBouncesJob.RecurringJobId);
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Sending, cancellationToken: cancellationToken))
        {
            LogResumingSend(logger, issue.Id, issue.Key);
            SendIssueJob.Enqueue(jobs, issue.Id);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await ResumeApprovedAsync(stoppingToken);
                }
                catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !stoppingToken.IsCancellationRequested)
                {
                    LogApprovedCheckFailed(logger, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task ResumeApprovedAsync(CancellationToken cancellationToken)
    {
        var lostBefore = time.GetUtcNow() - ApprovalGrace;
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Approved, cancellationToken: cancellationToken))
        {
            if (issue.ApprovedAt > lostBefore)
                continue;
            LogApprovedNotSent(logger, issue.Id, issue.Key, issue.ApprovedAt);
            SendIssueJob.Enqueue(jobs, issue.Id);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Mails go to the outbox as from {Sender}, a placeholder: set Smtp:From to the address they are to come from")]
    private static partial void LogOutboxSender(ILogger logger, string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming the sending of issue {Issue} ({Month}), left unfinished")]
    private static partial void LogResumingSend(ILogger logger, long issue, string month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Approved issues could not be checked: {Error}; trying again in a minute")]
    private static partial void LogApprovedCheckFailed(ILogger logger, string error);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Issue {Issue} ({Month}) was approved at {ApprovedAt} and is not being sent; enqueuing its send")]
    private static partial void LogApprovedNotSent(ILogger logger, long issue, string month, DateTimeOffset? approvedAt);
}
