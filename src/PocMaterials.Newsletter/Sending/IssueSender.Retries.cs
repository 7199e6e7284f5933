using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace PocMaterials.Newsletter.Sending;

/// <summary>One mail's tries, and the pace of a run.</summary>
public sealed partial class IssueSender
{
    private async Task<(DeliveryStatus Status, int Attempts, string? Response)> SendWithRetriesAsync(
        IMailTransport transport, MimeMessage message, MailboxAddress? returnPath, SmtpOptions options)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.TimeoutSeconds));
            try
            {
                return (DeliveryStatus.Sent, attempt, await transport.SendAsync(message, returnPath, timeout.Token));
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
