using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MimeKit;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;

namespace PocMaterials.Newsletter.Sending;

/// <summary>The stages of one run: pick, claim and make mails; send them; settle them.</summary>
public sealed partial class IssueSender
{
    /// <summary>A mail made and claimed, waiting for a connection.</summary>
    private sealed record PreparedMail(long SubscriberId, MimeMessage Message);

    /// <summary>
    /// Three stages, so the durable claim of the next mail overlaps the sending of the current one:
    /// workers that pick, claim and make mails; workers that each keep one connection and send them;
    /// one writer that settles deliveries in batches. Per worker, at most three mails are claimed and not
    /// settled (one being made, one waiting, one in flight): what a killed run leaves for the next run
    /// to mark uncertain. A stage that fails stops the run: the others end, every claimed mail is still
    /// sent or deferred and settled, and nothing waits on a stage that is gone.
    /// </summary>
    private async Task RunAsync(SendRun run)
    {
        var workers = run.Options.Workers;
        var recipients = Channel.CreateBounded<Recipient>(workers * 8);
        var prepared = Channel.CreateBounded<PreparedMail>(workers);
        var settlements = Channel.CreateUnbounded<Settlement>();
        using var limiter = run.Options.MessagesPerSecond > 0 ? RateLimiterFor(run.Options.MessagesPerSecond) : null;
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
        // Claims go on through a stop (only the host's shutdown ends them): a claim asked for is committed and its mail
        // handed to a sender, which settles it as not sent.
        var claims = new ClaimBatcher(
            batch => run.Lock.CallAsync(token => deliveries.ClaimAsync(run.Issue.Id, batch, token), run.HostStopping));
        var claiming = run.StageAsync(claims.RunAsync);
        var preparing = WhenAllThen(
            Workers(run, () => PrepareAsync(run, recipients.Reader, claims, prepared.Writer)),
            () =>
            {
                prepared.Writer.TryComplete();
                claims.Complete();
            });
        var sending = WhenAllThen(
            Workers(run, () => SendAsync(run, prepared.Reader, settlements.Writer, limiter)),
            () => settlements.Writer.TryComplete());
        var settling = run.StageAsync(() => SettleAsync(run, settlements.Reader));
        await Task.WhenAll(producer, preparing, claiming, sending, settling);
    }

    /// <summary>
    /// Hands out the recipients still to be sent, a batch at a time, while the issue is being sent (not cancelled meanwhile).
    /// </summary>
    private async Task ProduceAsync(SendRun run, ChannelWriter<Recipient> recipients)
    {
        var runStarted = time.GetUtcNow();
        var subscribedBefore = run.Issue.ApprovedAt ?? runStarted;
        for (long after = 0; ;)
        {
            var batch = await run.Lock.CallAsync(
                token => deliveries.PendingAsync(run.Issue.Id, after, RecipientBatchSize, subscribedBefore, runStarted, token),
                run.Stop.Token);
            if (batch.Count == 0)
                break;
            foreach (var recipient in batch)
                await recipients.WriteAsync(recipient, run.Stop.Token);
            after = batch[^1].SubscriberId;
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
        SendRun run, ChannelReader<Recipient> recipients, ClaimBatcher claims, ChannelWriter<PreparedMail> prepared)
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
            if (run.Stop.IsCancellationRequested || !await claims.ClaimAsync(recipient))
                continue;
            var message = mails.Message(run.Issue, recipient.SubscriberId, new MailboxAddress(recipient.Name, recipient.Email), mail);
            // Claimed: from here on the mail is handed to a sender whatever happens, so it is sent or deferred and settled.
            await prepared.WriteAsync(new PreparedMail(recipient.SubscriberId, message), CancellationToken.None);
        }
    }

    private async Task SendAsync(
        SendRun run, ChannelReader<PreparedMail> prepared, ChannelWriter<Settlement> settlements, RateLimiter? limiter)
    {
        await using var transport = transports.Create();
        await foreach (var mail in prepared.ReadAllAsync(CancellationToken.None))
        {
            if (run.Stop.IsCancellationRequested)
            {
                // Claimed but not handed over: known not sent, so the next run sends it.
                var notSent = new Settlement(mail.SubscriberId, DeliveryStatus.Deferred, 0, "not sent: the run stopped");
                await settlements.WriteAsync(notSent, CancellationToken.None);
                continue;
            }
            if (limiter is not null)
                using (await limiter.AcquireAsync(1, CancellationToken.None)) { }
            var (status, attempts, response) = await SendWithRetriesAsync(transport, mail.Message, run.Options);
            await settlements.WriteAsync(new Settlement(mail.SubscriberId, status, attempts, response), CancellationToken.None);
            run.Count(status, response);
        }
    }

    /// <summary>
    /// Settles in batches: one statement for all that came in meanwhile. Through an outage it waits for the
    /// database (a settlement is right whoever holds the lock by then), until the host stops.
    /// </summary>
    private async Task SettleAsync(SendRun run, ChannelReader<Settlement> settlements)
    {
        var batch = new List<Settlement>();
        while (await settlements.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < BatchSize && settlements.TryRead(out var settlement))
                batch.Add(settlement);
            await run.Lock.CallAsync(token => deliveries.SettleAsync(run.Issue.Id, batch, token), run.HostStopping, locked: false);
            batch.Clear();
        }
    }

    private async Task<(DeliveryStatus Status, int Attempts, string? Response)> SendWithRetriesAsync(
        IMailTransport transport, MimeMessage message, SmtpOptions options)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                await transport.SendAsync(message, timeout.Token);
                return (DeliveryStatus.Sent, attempt, null);
            }
            catch (Exception e) when (SmtpFailures.IsPermanent(e))
            {
                // A refused recipient or message: the server's answer is final.
                return (DeliveryStatus.Failed, attempt, SmtpFailures.Describe(e));
            }
            catch (Exception e) when (SmtpFailures.IsTransient(e))
            {
                var response = SmtpFailures.Describe(e);
                if (attempt >= options.MaxAttempts)
                    return (DeliveryStatus.Deferred, attempt, response);
                LogSendRetry(logger, message.MessageId, attempt, response, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, CancellationToken.None);
                delay *= 4;
            }
        }
    }

    private static TokenBucketRateLimiter RateLimiterFor(int messagesPerSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, messagesPerSecond / 10),
        TokensPerPeriod = Math.Max(1, messagesPerSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sending {MessageId} failed (attempt {Attempt}): {Response}; retrying in {Delay} ms")]
    private static partial void LogSendRetry(ILogger logger, string? messageId, int attempt, string response, int delay);
}
