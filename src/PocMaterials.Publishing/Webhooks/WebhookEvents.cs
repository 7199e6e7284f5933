using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// Follows the content for webhooks, one step at a time: at start, everything that changed while no host
/// ran; then every reload; and every <see cref="WebhookOptions.CheckInterval"/> whether the day turned (a
/// scheduled material became visible without a file change), a step that failed (then all is compared
/// again), and deliveries a killed host left behind. Each recorded delivery goes to a Hangfire job.
/// </summary>
internal sealed partial class WebhookEvents(
    ContentLibrary library,
    MaterialEventRecorder recorder,
    WebhookStore store,
    IBackgroundJobClient jobs,
    StaffCalendar calendar,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookEvents> logger) : BackgroundService
{
    // A job overdue this long was lost (Hangfire's scheduler polls every few seconds; a retry waits for it).
    private static readonly TimeSpan OverdueAfter = TimeSpan.FromMinutes(2);

    private readonly Channel<ContentChange?> _steps =
        Channel.CreateUnbounded<ContentChange?>(new UnboundedChannelOptions { SingleReader = true });

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        library.Changed += OnChanged;
        return base.StartAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        library.Changed -= OnChanged;
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(TickAsync(stoppingToken), FollowAsync(stoppingToken));
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops (a query cut short may say so in its own words); what is left is compared at the next start.
        }
    }

    private void OnChanged(object? sender, ContentChange change) => _steps.Writer.TryWrite(change);

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
            _steps.Writer.TryWrite(null);
    }

    /// <summary>A null step is a tick.</summary>
    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var compareAll = true;
        var day = calendar.Today;
        _steps.Writer.TryWrite(null);
        await foreach (var change in _steps.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (change is not null)
                {
                    Enqueue(await recorder.RecordChangeAsync(change, stoppingToken));
                }
                else if (calendar.Today is var today && (compareAll || today != day))
                {
                    Enqueue(await recorder.ReconcileAsync(library.Current, datesOnly: !compareAll, stoppingToken));
                    compareAll = false;
                    day = today;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRecordingFailed(logger, e);
                compareAll = true;
            }
            if (change is null)
                await ResumeOverdueAsync(stoppingToken);
        }
    }

    /// <summary>On its own: content that cannot be compared must not hold back deliveries a killed host left.</summary>
    private async Task ResumeOverdueAsync(CancellationToken stoppingToken)
    {
        try
        {
            Enqueue(await store.OverdueAsync(OverdueAfter, stoppingToken));
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogOverdueLookupFailed(logger, e);
        }
    }

    private void Enqueue(IReadOnlyList<long> deliveries)
    {
        foreach (var delivery in deliveries)
            WebhookDeliveryJob.Enqueue(jobs, delivery);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording webhook events failed; all content is compared again at the next check")]
    private static partial void LogRecordingFailed(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Looking for overdue webhook deliveries failed; the next check looks again")]
    private static partial void LogOverdueLookupFailed(ILogger logger, Exception? exception);
}
