using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MimeKit;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;

namespace PocMaterials.Newsletter.Sending;

/// <summary>The stages of one run: pick recipients and make their mails; claim, send and record them.</summary>
public sealed partial class IssueSender
{
    /// <summary>A recipient's mail, made and not claimed yet.</summary>
    private sealed record PreparedMail(Recipient Recipient, MimeMessage Message, MailboxAddress? ReturnPath);

    /// <summary>
    /// Workers that pick recipients and make their mails, claiming nothing; workers that each keep one connection and
    /// claim, send and record mails; one writer that commits the senders' claims and answers in groups. A sender claims
    /// its next mail while the current one is in flight, and records the server's answer to the one before in that same
    /// commit: per sender, at most two mails are claimed and not recorded at any moment (one in flight, and one claimed
    /// or just answered), which is what a killed run can leave for the next run to mark uncertain; of those at most one
    /// went out. A stage that fails stops the run: the others end, every claimed mail is still sent or deferred and
    /// recorded, and nothing waits on a stage that is gone.
    /// </summary>
    private async Task RunAsync(SendRun run)
    {
        var workers = run.Options.Workers;
        var recipients = Channel.CreateBounded<Recipient>(workers * 8);
        var prepared = Channel.CreateBounded<PreparedMail>(workers);
        using var limiter = run.Options.MessagesPerSecond > 0 ? RateLimiterFor(run.Options.MessagesPerSecond) : null;
        using var budget = RelayBudget.For(run.Options, database, time, run.Issue.Id);
        var producer = run.StageAsync(async () =>
        {
            try
            {
                await ProduceAsync(run, recipients.Writer);
            }
            finally
            {
                recipients.Writer.TryComplete();
            }
        });
        var book = new DeliveryBook((answered, claims) => RecordAsync(run, answered, claims));
        var booking = run.StageAsync(book.RunAsync);
        var preparing = WhenAllThen(
            Workers(run, () => PrepareAsync(run, recipients.Reader, prepared.Writer, budget)), () => prepared.Writer.TryComplete());
        var sending = WhenAllThen(Workers(run, () => SendAsync(run, prepared.Reader, book, limiter, budget)), book.Complete);
        await Task.WhenAll(producer, preparing, sending, booking);
    }

    /// <summary>
    /// Hands out the recipients still to be sent, a batch at a time, while the issue is being sent (not cancelled meanwhile):
    /// who may be one is read once, and each batch is checked just before it is handed out, so a mail is not made for
    /// someone already sent, unsubscribed or suppressed meanwhile, or for a cancelled issue.
    /// </summary>
    private async Task ProduceAsync(SendRun run, ChannelWriter<Recipient> recipients)
    {
        var runStarted = time.GetUtcNow();
        var subscribedBefore = run.Issue.ApprovedAt ?? runStarted;
        var candidates = await run.Lock.CallAsync(token => deliveries.CandidatesAsync(subscribedBefore, token), run.Stop.Token);
        foreach (var ids in candidates.Chunk(RecipientBatchSize))
        {
            var batch = await run.Lock.CallAsync(
                token => deliveries.PendingAsync(run.Issue.Id, ids, subscribedBefore, runStarted, token), run.Stop.Token);
            foreach (var recipient in batch)
                await recipients.WriteAsync(recipient, run.Stop.Token);
        }
    }

    /// <summary>A stage's workers, as many as the options say.</summary>
    private static IEnumerable<Task> Workers(SendRun run, Func<Task> worker) =>
        Enumerable.Range(0, run.Options.Workers).Select(_ => run.StageAsync(worker));

    /// <summary>Waits for a stage's workers, then tells the next stage no more will come, also when one failed.</summary>
    private static async Task WhenAllThen(IEnumerable<Task> tasks, Action done)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        finally
        {
            done();
        }
    }

    private async Task PrepareAsync(
        SendRun run, ChannelReader<Recipient> recipients, ChannelWriter<PreparedMail> prepared, RelayBudget? budget)
    {
        var content = library.Current;
        var today = calendar.Today;
        var intro = IssueIntro.Of(run.Issue);
        await foreach (var recipient in recipients.ReadAllAsync(run.Stop.Token))
        {
            var reader = new MailReader(recipient.SubscriberId, recipient.Name, recipient.Roles, recipient.Centre);
            var mail = mails.Render(run.Issue, content, today, reader, tracked: true, intro);
            if (mail is null)
            {
                if (await run.Lock.CallAsync(token => deliveries.SkipAsync(run.Issue.Id, recipient, token), run.Stop.Token))
                    Interlocked.Increment(ref run.Skipped);
                continue;
            }
            // Before the claim: a run that waits here for the relay's window holds no claimed mail a kill could leave uncertain.
            if (budget is not null && !await budget.TakeAsync(run.Stop.Token))
                return;
            var message = mails.Message(run.Issue, recipient.SubscriberId, new MailboxAddress(recipient.Name, recipient.Email), mail);
            // Signed here, ahead of its connection, so a connection's worker only talks to the server.
            transports.Signer?.Sign(message);
            // Not claimed: a mail dropped because the run stops leaves no row, so the next run sends it.
            await prepared.WriteAsync(
                new PreparedMail(recipient, message, mails.ReturnPath(run.Issue, recipient.SubscriberId)), run.Stop.Token);
        }
    }

    /// <summary>
    /// One connection's worker. While a mail is in flight it claims the next and records the answer to the one before,
    /// in one commit; a mail goes out only once its claim is committed.
    /// </summary>
    private async Task SendAsync(
        SendRun run, ChannelReader<PreparedMail> prepared, DeliveryBook book, RateLimiter? limiter, RelayBudget? budget)
    {
        await using var transport = transports.Create();
        Settlement? answered = null;
        for (var mail = (await ClaimNextAsync(run, prepared, book, [])).Mail; mail is not null;)
        {
            if (run.Stop.IsCancellationRequested)
            {
                // Claimed but not handed over: known not sent, so the next run sends it.
                var notSent = new Settlement(mail.Recipient.SubscriberId, DeliveryStatus.Deferred, 0, "not sent: the run stopped");
                await book.RecordAsync([.. Answers(answered), notSent], null);
                return;
            }
            if (limiter is not null)
                using (await limiter.AcquireAsync(1, CancellationToken.None)) { }
            var sending = AnsweredAsync(SendWithRetriesAsync(transport, mail.Message, mail.ReturnPath, run.Options), budget);
            var current = mail;
            var next = ClaimNextAsync(run, prepared, book, Answers(answered), Task.Run(async () => Answer(current, await sending)));
            try
            {
                await Task.WhenAll(sending, next);
            }
            catch (SendLockLostException) when (sending.IsCompletedSuccessfully)
            {
                // Another run took over: what this mail did is still recorded, and this worker ends.
                await book.RecordAsync([Answer(mail, await sending)], null);
                throw;
            }
            var sent = await sending;
            run.Count(sent.Status, sent.Response);
            var (nextMail, inFlightRecorded) = await next;
            answered = inFlightRecorded ? null : Answer(mail, sent);
            mail = nextMail;
        }
        if (answered is not null)
            await book.RecordAsync([answered], null);
    }

    /// <summary>
    /// Claims the next mail made, recording <paramref name="answered"/> in the same commit; when no mail is ready, the
    /// answers are recorded at once rather than when one is, and so is the answer to the mail in flight once it comes
    /// (no mail may be ready for hours while the relay's limits wait). Null when the run stops or every mail was handed
    /// out; <c>InFlightRecorded</c> says whether the mail in flight's answer is recorded already.
    /// </summary>
    private static async Task<(PreparedMail? Mail, bool InFlightRecorded)> ClaimNextAsync(
        SendRun run, ChannelReader<PreparedMail> prepared, DeliveryBook book, IReadOnlyList<Settlement> answered,
        Task<Settlement>? inFlight = null)
    {
        var recorded = false;
        while (!run.Stop.IsCancellationRequested)
        {
            if (prepared.TryRead(out var mail))
            {
                if (await book.RecordAsync(answered, mail.Recipient))
                    return (mail, recorded);
                // Another run settled or claimed it meanwhile: the answers are recorded, the next mail is tried.
                answered = [];
                continue;
            }
            if (answered.Count > 0)
            {
                await book.RecordAsync(answered, null);
                answered = [];
            }
            var ready = prepared.WaitToReadAsync(CancellationToken.None).AsTask();
            if (!recorded && inFlight is not null)
            {
                await Task.WhenAny(ready, inFlight);
                if (!ready.IsCompleted && inFlight.IsCompletedSuccessfully)
                {
                    await book.RecordAsync([await inFlight], null);
                    recorded = true;
                }
            }
            if (!await ready)
                return (null, recorded);
        }
        if (answered.Count > 0)
            await book.RecordAsync(answered, null);
        return (null, recorded);
    }

    /// <summary>
    /// Records answers and claims in one durable commit. Claims only while this run holds the send lock; answers are
    /// true whoever holds it, so after a take-over they are still recorded, and the claims are refused.
    /// </summary>
    private async Task<IReadOnlySet<long>> RecordAsync(SendRun run, IReadOnlyList<Settlement> answered, IReadOnlyList<Recipient> claims)
    {
        try
        {
            return await run.Lock.CallAsync(
                token => deliveries.RecordAsync(run.Issue.Id, answered, claims, token), run.HostStopping, locked: claims.Count > 0);
        }
        catch (SendLockLostException) when (answered.Count > 0)
        {
            await run.Lock.CallAsync(token => deliveries.RecordAsync(run.Issue.Id, answered, [], token), run.HostStopping, locked: false);
            throw;
        }
    }

    /// <summary>The relay's budget counts the mail from its answer on, the moment it comes rather than when the worker goes on.</summary>
    private static async Task<T> AnsweredAsync<T>(Task<T> sending, RelayBudget? budget)
    {
        try
        {
            return await sending;
        }
        finally
        {
            budget?.Answered();
        }
    }

    private static IReadOnlyList<Settlement> Answers(Settlement? answered) => answered is null ? [] : [answered];

    private static Settlement Answer(PreparedMail mail, (DeliveryStatus Status, int Attempts, string? Response) sent) =>
        new(mail.Recipient.SubscriberId, sent.Status, sent.Attempts, sent.Response);
}
