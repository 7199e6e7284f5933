using Hangfire;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// The Hangfire job of one delivery: one attempt per run; after a refusal it schedules the next run itself,
/// after the configured pause, so the back-off is the configuration's and the log counts receivers' answers.
/// Hangfire's own retries are for failures on our side (the database away), which leave the attempt unmade.
/// </summary>
public sealed class WebhookDeliveryJob(WebhookSender sender, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Webhook delivery {0}")]
    public async Task RunAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var result = await sender.AttemptAsync(deliveryId, cancellationToken);
        if (result.Outcome == AttemptOutcome.Retry)
            jobs.Schedule<WebhookDeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None), result.RetryAfter);
    }

    public static void Enqueue(IBackgroundJobClient jobs, long deliveryId) =>
        jobs.Enqueue<WebhookDeliveryJob>(job => job.RunAsync(deliveryId, CancellationToken.None));
}
