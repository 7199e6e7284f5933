using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Sending;

/// <summary>Mails of an issue wait for a later run after transient failures.</summary>
public sealed class DeferredMailsException(string message) : Exception(message);

/// <summary>
/// Sends an approved issue to every active subscriber, personalised per recipient's roles, through
/// several workers that each keep one connection. Exactly once per recipient: a run holds a
/// PostgreSQL advisory lock for the issue (a second run at the same time does nothing, a killed
/// run's lock goes with its connection), claims each recipient before sending and settles after,
/// and resumes where the last run stopped. Mails whose fate a killed run left unknown become
/// uncertain for an editor to decide on; they are never sent again silently. A database that goes
/// away mid-run (a restart) is waited for, and the run goes on where it was once it answers.
/// </summary>
public sealed partial class IssueSender(
    Database database,
    IssueStore issues,
    DeliveryStore deliveries,
    IssueMails mails,
    MailTransports transports,
    ContentLibrary library,
    StaffCalendar calendar,
    TimeProvider time,
    IOptions<SmtpOptions> smtpOptions,
    ILogger<IssueSender> logger)
{
    private const int BatchSize = 500;

    // Small, so a cancelled issue stops soon: the issue's status is read with every batch of recipients.
    private const int RecipientBatchSize = 100;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    public async Task SendAsync(long issueId, CancellationToken cancellationToken)
    {
        await using var sendLock = await IssueSendLock.TryTakeAsync(database.DataSource, issueId, logger, cancellationToken);
        if (sendLock is null)
        {
            LogSentByAnotherRun(logger, issueId);
            return;
        }
        await SendLockedAsync(issueId, sendLock, cancellationToken);
    }

    private async Task SendLockedAsync(long issueId, IssueSendLock sendLock, CancellationToken cancellationToken)
    {
        var issue = await sendLock.CallAsync(token => issues.GetAsync(issueId, token), cancellationToken);
        if (issue?.Status == IssueStatus.Approved)
        {
            issue = await sendLock.CallAsync(
                token => issues.TransitionAsync(issueId, [IssueStatus.Approved], IssueStatus.Sending, null, null, token),
                cancellationToken);
        }
        if (issue is not { Status: IssueStatus.Sending or IssueStatus.Sent })
        {
            LogNotToBeSent(logger, issueId, issue?.Status);
            return;
        }
        var uncertain = await sendLock.CallAsync(token => deliveries.MarkAbandonedUncertainAsync(issueId, token), cancellationToken);
        if (uncertain > 0)
            LogInterruptedMailsUncertain(logger, issueId, uncertain);

        var run = new SendRun(issue, smtpOptions.Value, sendLock, cancellationToken);
        await RunAsync(run);
        if (run.Failure is SendLockLostException)
        {
            LogTakenOver(logger, issueId, run.Sent);
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        // Every mail this run handed over is settled. A row still claimed was claimed by a statement whose answer the
        // database's restart took: its fate is unknown, as after a killed run.
        var unknown = await sendLock.CallAsync(token => deliveries.MarkAbandonedUncertainAsync(issueId, token), cancellationToken);
        if (unknown > 0)
            LogClaimedMailsUncertain(logger, issueId, unknown);
        if (run.Failure is not null || run.StopReason is not null)
        {
            // A fault of the run itself (the database's absence is waited out, not a failure): the issue stops with the
            // reason, so an editor sees why and can approve it again to resume, or cancel it.
            var reason = run.StopReason ?? $"Gestopt door een fout: {run.Failure!.Message}";
            await sendLock.CallAsync(
                token => issues.TransitionAsync(issueId, [IssueStatus.Sending], IssueStatus.Stopped, null, reason, token),
                cancellationToken);
            LogIssueStopped(logger, run.Failure, issueId, reason);
            return;
        }
        var deferred = await sendLock.CallAsync(token => deliveries.CountAsync(issueId, DeliveryStatus.Deferred, token), cancellationToken);
        if (deferred > 0)
        {
            // Hangfire retries the job with back-off; the next run tries the deferred mails again.
            throw new DeferredMailsException(
                $"Issue {issueId}: {deferred} mails deferred after transient failures; the job runs again later.");
        }
        if (issue.Status == IssueStatus.Sent)
        {
            // An editor sent uncertain mails of a sent issue again: the issue stays as it was.
            LogSentAgain(logger, issueId, run.Sent, run.Failed);
            return;
        }
        var sent = await sendLock.CallAsync(
            token => issues.TransitionAsync(issueId, [IssueStatus.Sending], IssueStatus.Sent, null, null, token),
            cancellationToken);
        if (sent is null)
            LogIssueCancelled(logger, issueId, run.Sent);
        else
            LogIssueSent(logger, issueId, run.Sent, run.Failed, run.Skipped);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Issue {Issue} is being sent by another run; this one stops")]
    private static partial void LogSentByAnotherRun(ILogger logger, long issue);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issue {Issue} is not to be sent ({Status})")]
    private static partial void LogNotToBeSent(ILogger logger, long issue, IssueStatus? status);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Issue {Issue}: {Count} mails of an interrupted run may or may not have gone out; " +
            "they are marked uncertain for an editor")]
    private static partial void LogInterruptedMailsUncertain(ILogger logger, long issue, int count);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Issue {Issue}: another run took over after the database came back; this run stopped after {Sent} mails")]
    private static partial void LogTakenOver(ILogger logger, long issue, int sent);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Issue {Issue}: {Count} mails claimed while the database went away are marked uncertain for an editor")]
    private static partial void LogClaimedMailsUncertain(ILogger logger, long issue, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Issue {Issue} stopped: {Reason}")]
    private static partial void LogIssueStopped(ILogger logger, Exception? exception, long issue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Issue {Issue} was cancelled while it was sent: {Sent} mails went out")]
    private static partial void LogIssueCancelled(ILogger logger, long issue, int sent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issue {Issue}: {Sent} mails sent again as editors asked, {Failed} failed")]
    private static partial void LogSentAgain(ILogger logger, long issue, int sent, int failed);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Issue {Issue} sent: {Sent} mails, {Failed} failed, {Skipped} with nothing to show")]
    private static partial void LogIssueSent(ILogger logger, long issue, int sent, int failed, int skipped);
}
