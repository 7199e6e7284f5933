using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tracking;
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
/// uncertain for an editor to decide on; they are never sent again silently.
/// </summary>
public sealed partial class IssueSender(
    Database database,
    IssueStore issues,
    DeliveryStore deliveries,
    IssueRenderer renderer,
    NewsletterLinks links,
    UnsubscribeLinks unsubscribeLinks,
    MailTransports transports,
    ContentLibrary library,
    BrusselsCalendar calendar,
    IOptions<SmtpOptions> smtpOptions,
    ILogger<IssueSender> logger)
{
    // Any constant; "POCN" in ASCII. The issue id is the lock's second key.
    private const int AdvisoryLockClass = 0x504F434E;
    private const int BatchSize = 500;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    public async Task SendAsync(long issueId, CancellationToken cancellationToken)
    {
        await using var lockConnection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (!await AdvisoryLockAsync(lockConnection, "pg_try_advisory_lock", issueId, cancellationToken))
        {
            logger.LogInformation("Issue {Issue} is being sent by another run; this one stops", issueId);
            return;
        }
        try
        {
            await SendLockedAsync(issueId, cancellationToken);
        }
        finally
        {
            // A pooled connection outlives this run: release the lock now, not when the pool closes it.
            await AdvisoryLockAsync(lockConnection, "pg_advisory_unlock", issueId, CancellationToken.None);
        }
    }

    private async Task SendLockedAsync(long issueId, CancellationToken cancellationToken)
    {
        var issue = await issues.GetAsync(issueId, cancellationToken);
        if (issue?.Status == IssueStatus.Approved)
            issue = await issues.TransitionAsync(issueId, [IssueStatus.Approved], IssueStatus.Sending, null, null, cancellationToken);
        if (issue is not { Status: IssueStatus.Sending or IssueStatus.Sent })
        {
            logger.LogInformation("Issue {Issue} is not to be sent ({Status})", issueId, issue?.Status);
            return;
        }
        var uncertain = await deliveries.MarkAbandonedUncertainAsync(issueId, cancellationToken);
        if (uncertain > 0)
            logger.LogWarning("Issue {Issue}: {Count} mails of an interrupted run may or may not have gone out; they are marked uncertain for an editor", issueId, uncertain);

        var run = new SendRun(issue, smtpOptions.Value, cancellationToken);
        await RunAsync(run);
        if (run.StopReason is { } reason)
        {
            await issues.TransitionAsync(issueId, [IssueStatus.Sending], IssueStatus.Stopped, null, reason, CancellationToken.None);
            logger.LogError("Issue {Issue} stopped: {Reason}", issueId, reason);
            return;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (await deliveries.CountAsync(issueId, DeliveryStatus.Deferred, CancellationToken.None) is > 0 and var deferred)
        {
            // Hangfire retries the job with back-off; the next run tries the deferred mails again.
            throw new DeferredMailsException($"Issue {issueId}: {deferred} mails deferred after transient failures; the job runs again later.");
        }
        await issues.TransitionAsync(issueId, [IssueStatus.Sending], IssueStatus.Sent, null, null, CancellationToken.None);
        logger.LogInformation("Issue {Issue} sent: {Sent} mails, {Failed} failed, {Skipped} with nothing to show", issueId, run.Sent, run.Failed, run.Skipped);
    }

    /// <param name="function">pg_try_advisory_lock or pg_advisory_unlock: session-level, so a killed process's lock goes with its connection.</param>
    private static async Task<bool> AdvisoryLockAsync(NpgsqlConnection connection, string function, long issueId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {function}($1, $2)", connection);
        command.Parameters.Add(new() { Value = AdvisoryLockClass });
        command.Parameters.Add(new() { Value = (int)issueId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

}
