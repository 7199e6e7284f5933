using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Sending;

/// <summary>One run's shared state: the lock, counts, the budget of failures in a row, and what stopped it.</summary>
internal sealed class SendRun(NewsletterIssue issue, SmtpOptions options, IssueSendLock sendLock, CancellationToken hostStopping)
{
    private int _failuresInARow;
    private Exception? _failure;

    public NewsletterIssue Issue { get; } = issue;
    public SmtpOptions Options { get; } = options;
    public IssueSendLock Lock { get; } = sendLock;
    public CancellationToken HostStopping { get; } = hostStopping;
    public CancellationTokenSource Stop { get; } = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
    public string? StopReason { get; private set; }

    /// <summary>What made a stage fail, which stopped the run.</summary>
    public Exception? Failure => _failure;
#pragma warning disable CA1051 // counted with Interlocked from the workers
    public int Sent;
    public int Failed;
    public int Skipped;
#pragma warning restore CA1051

    /// <summary>Runs one stage's worker; its failure stops the run instead of leaving the others waiting on it.</summary>
    public Task StageAsync(Func<Task> stage) => Task.Run(async () =>
    {
        try
        {
            await stage();
        }
        catch (OperationCanceledException) when (Stop.IsCancellationRequested)
        {
            // Stopped by the failure budget, another stage or the host.
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            Stop.Cancel();
        }
    });

    public void Count(DeliveryStatus status, string? response)
    {
        if (status == DeliveryStatus.Sent)
        {
            Interlocked.Increment(ref Sent);
            Interlocked.Exchange(ref _failuresInARow, 0);
            return;
        }
        Interlocked.Increment(ref Failed);
        if (Interlocked.Increment(ref _failuresInARow) >= Options.MaxConsecutiveFailures && StopReason is null)
        {
            StopReason = $"Gestopt na {Options.MaxConsecutiveFailures} mislukte mails op rij; " +
                $"laatste antwoord van de server: {response}";
            Stop.Cancel();
        }
    }
}
