using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Webhooks;

public enum AttemptOutcome
{
    Delivered,
    /// <summary>Not answered with 2xx; another attempt follows after <see cref="AttemptResult.RetryAfter"/>.</summary>
    Retry,
    /// <summary>Not answered with 2xx on the last attempt.</summary>
    Failed,
    /// <summary>Nothing to send: delivered or failed already, another attempt is under way, or the receiver was deleted.</summary>
    Nothing,
}

public sealed record AttemptResult(AttemptOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Makes one attempt of a delivery: claims it (so two jobs never send it at once), POSTs the signed body,
/// and records the answer in the delivery log. Delivery is at least once: a host killed after the receiver
/// answered and before the answer was recorded sends it again, with the same webhook-id.
/// </summary>
public sealed partial class WebhookSender(
    Database database,
    WebhookSecretProtector secrets,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "webhooks";
    private const int MaxErrorLength = 500;

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(WebhookSender));

    public async Task<AttemptResult> AttemptAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await ClaimAsync(deliveryId, settings.Lease, cancellationToken) is not { } claim)
            return new AttemptResult(AttemptOutcome.Nothing);

        var started = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        int? statusCode = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, claim.Url)
            {
                Content = new StringContent(claim.Payload, Encoding.UTF8, "application/json"),
            };
            var timestamp = started.ToUnixTimeSeconds();
            request.Headers.Add("webhook-id", claim.MessageId);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(
                "webhook-signature",
                WebhookSignature.Sign(secrets.Unprotect(claim.Secret), claim.MessageId, timestamp, claim.Payload));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            using var response = await clients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            // The status code only: the body or reason phrase of whatever answered is not the log's to show.
            if (!response.IsSuccessStatusCode)
                error = $"answered {statusCode}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: the attempt did not finish; the job runs again and so does the attempt.
            await ReleaseAsync(deliveryId, claim.Attempt);
            throw;
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {settings.Timeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            error = e.Message;
        }

        var outcome = error is null ? AttemptOutcome.Delivered
            : claim.Attempt < settings.MaxAttempts ? AttemptOutcome.Retry
            : AttemptOutcome.Failed;
        var retryAfter = outcome == AttemptOutcome.Retry ? settings.Delays[claim.Attempt - 1] : TimeSpan.Zero;
        await RecordAsync(
            deliveryId, claim.Attempt, started, (int)stopwatch.ElapsedMilliseconds, statusCode, error, outcome, retryAfter);
        switch (outcome)
        {
            case AttemptOutcome.Retry:
                LogDeliveryRetry(logger, deliveryId, claim.Url, claim.Attempt, settings.MaxAttempts, error, retryAfter);
                break;
            case AttemptOutcome.Failed:
                LogDeliveryFailed(logger, deliveryId, claim.Url, claim.Attempt, error);
                break;
        }
        return new AttemptResult(outcome, retryAfter);
    }

    private async Task<Claim?> ClaimAsync(long deliveryId, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = Sql["Claim"].Command(database.DataSource, deliveryId, lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new Claim(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
    }

    private async Task RecordAsync(
        long deliveryId,
        int attempt,
        DateTimeOffset started,
        int durationMs,
        int? statusCode,
        string? error,
        AttemptOutcome outcome,
        TimeSpan retryAfter)
    {
        var status = outcome switch
        {
            AttemptOutcome.Delivered => "delivered",
            AttemptOutcome.Retry => "pending",
            _ => "failed",
        };
        await using var command = Sql["Record"].Command(
            database.DataSource, deliveryId, attempt, started, durationMs, statusCode, Truncate(error), status, retryAfter);
        // Recorded even while the host stops: the receiver has answered.
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task ReleaseAsync(long deliveryId, int attempt)
    {
        await using var command = Sql["Release"].Command(database.DataSource, deliveryId, attempt);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string? Truncate(string? text) => text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] + "…" : text;

    /// <param name="Secret">As stored: encrypted.</param>
    private sealed record Claim(int Attempt, string MessageId, string Payload, string Url, string Secret);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Webhook delivery {Delivery} to {Url}, attempt {Attempt} of {MaxAttempts}, failed ({Error}); "
            + "next attempt in {RetryAfter}")]
    private static partial void LogDeliveryRetry(
        ILogger logger,
        long delivery,
        string url,
        int attempt,
        int maxAttempts,
        string? error,
        TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {Delivery} to {Url} failed after {Attempts} attempts: {Error}")]
    private static partial void LogDeliveryFailed(ILogger logger, long delivery, string url, int attempts, string? error);
}
