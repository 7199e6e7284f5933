using Hangfire;
using PocMaterials.Newsletter.Bounces;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// Reads the bounce mailbox every minute. One run at a time over both hosts: two readers would each record a message
/// before either moved it (harmless, by its key, but twice the work and the log lines).
/// </summary>
public sealed class ReadBouncesJob(BounceMailbox mailbox)
{
    public const string RecurringJobId = "newsletter-bounces";

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task<BounceMailboxRun> RunAsync(CancellationToken cancellationToken) => mailbox.ReadAsync(cancellationToken);
}
