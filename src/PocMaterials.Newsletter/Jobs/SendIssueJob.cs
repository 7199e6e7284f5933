using Hangfire;
using PocMaterials.Newsletter.Sending;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// Sends an approved issue. Hangfire may run it again (a retry, a restart, an editor's resend): every
/// run resumes where the last one stopped, and a run while another is busy does nothing.
/// </summary>
public sealed class SendIssueJob(IssueSender sender)
{
    [AutomaticRetry(Attempts = 5)]
    public Task RunAsync(long issueId, CancellationToken cancellationToken) => sender.SendAsync(issueId, cancellationToken);

    /// <summary>Starts the send of an issue on whichever server takes the job: after approval, a resend, a resume.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, long issueId) =>
        jobs.Enqueue<SendIssueJob>(job => job.RunAsync(issueId, CancellationToken.None));
}
