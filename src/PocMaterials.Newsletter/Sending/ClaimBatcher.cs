using System.Threading.Channels;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Group commit for claims: the claims that a run's workers ask for at the same moment are written in
/// one statement and one commit. Each worker still waits until its own claim is on disk before its
/// mail goes out, so the guarantee is the same as one commit per mail, at a fraction of the cost.
/// </summary>
/// <param name="claim">Claims a batch of recipients in one statement; answers who was claimed.</param>
internal sealed class ClaimBatcher(Func<IReadOnlyList<Recipient>, Task<IReadOnlySet<long>>> claim)
{
    private const int MaxBatch = 200;
    private readonly Channel<(Recipient Recipient, TaskCompletionSource<bool> Claimed)> _requests =
        Channel.CreateUnbounded<(Recipient, TaskCompletionSource<bool>)>();

    /// <returns>Whether the recipient was claimed, once the claim is committed.</returns>
    public Task<bool> ClaimAsync(Recipient recipient)
    {
        var claimed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_requests.Writer.TryWrite((recipient, claimed)))
            claimed.SetException(new InvalidOperationException("The run takes no more claims."));
        return claimed.Task;
    }

    /// <summary>No more claims will come; <see cref="RunAsync"/> ends once the last batch is written.</summary>
    public void Complete() => _requests.Writer.TryComplete();

    public async Task RunAsync()
    {
        var batch = new List<(Recipient Recipient, TaskCompletionSource<bool> Claimed)>(MaxBatch);
        while (await _requests.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _requests.Reader.TryRead(out var request))
                batch.Add(request);
            try
            {
                var claimed = await claim(batch.Select(b => b.Recipient).ToList());
                foreach (var (recipient, result) in batch)
                    result.SetResult(claimed.Contains(recipient.SubscriberId));
            }
            catch (Exception e)
            {
                // Every waiting worker learns the claim failed: nothing of this batch goes out.
                foreach (var (_, result) in batch)
                    result.SetException(e);
            }
            batch.Clear();
        }
    }
}
