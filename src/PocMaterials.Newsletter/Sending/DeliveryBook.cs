using System.Threading.Channels;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Group commit for the senders' bookkeeping: what the senders ask at the same moment (the answer to a sender's last
/// mail, the claim of its next) is written in one statement and one commit. Each sender still waits until its claim is
/// on disk before the mail goes out, so the guarantee is the same as one commit per mail, at a fraction of the cost.
/// </summary>
/// <param name="record">Records answers and claims in one statement and one commit; answers who was claimed.</param>
internal sealed class DeliveryBook(Func<IReadOnlyList<Settlement>, IReadOnlyList<Recipient>, Task<IReadOnlySet<long>>> record)
{
    private const int MaxBatch = 200;
    private readonly Channel<Request> _requests = Channel.CreateUnbounded<Request>();

    /// <param name="answered">How a sender's last mails went; possibly none.</param>
    /// <param name="claim">The recipient of its next mail; null when it claims none.</param>
    /// <returns>Whether <paramref name="claim"/> was claimed, once it and the answers are committed.</returns>
    public Task<bool> RecordAsync(IReadOnlyList<Settlement> answered, Recipient? claim)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite(new Request(answered, claim, done)))
            done.SetException(new InvalidOperationException("The run records no more."));
        return done.Task;
    }

    /// <summary>No more requests will come; <see cref="RunAsync"/> ends once the last batch is written.</summary>
    public void Complete() => _requests.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<Request>(MaxBatch);
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var request))
                batch.Add(request);
            try
            {
                var claimed = await record([.. batch.SelectMany(r => r.Answered)], [.. batch.Select(r => r.Claim).OfType<Recipient>()]);
                foreach (var request in batch)
                    request.Done.SetResult(request.Claim is { } claim && claimed.Contains(claim.SubscriberId));
            }
            catch (Exception e)
            {
                // Every waiting sender learns the write failed: none of this batch's claimed mails goes out.
                foreach (var request in batch)
                    request.Done.SetException(e);
            }
            batch.Clear();
        }
    }

    private sealed record Request(IReadOnlyList<Settlement> Answered, Recipient? Claim, TaskCompletionSource<bool> Done);
}
