using Hangfire;
using PocMaterials.Newsletter.Bounces;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// Reads the bounce mailbox every minute: the reader for servers without IDLE, a safety net beside the IDLE watcher.
/// One run at a time over both hosts, so runs do not pile up; the reading itself waits for any other (the watcher's).
/// </summary>
public sealed class ReadBouncesJob(BounceMailbox mailbox)
{
    public const string RecurringJobId = "newsletter-bounces";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task<BounceMailboxRun> RunAsync(CancellationToken cancellationToken) => mailbox.ReadAsync(cancellationToken);
}
