using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Moves buffered reach events into PostgreSQL in batches. A database outage is retried with back-off
/// while the batch stays in hand; a batch refused for its data is written again event by event, so only
/// the bad events are lost; a graceful shutdown writes what is still buffered, within a deadline.
/// </summary>
public sealed partial class ReachEventWriter(
    ReachRecorder recorder, ReachEventStore store, IOptions<ReachOptions> options, ILogger<ReachEventWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(10);

    private readonly List<ReachEvent> _batch = [];
    private readonly Lock _flushLock = new();
    private Task? _flush;

    /// <summary>Events written since start.</summary>
    public long Written { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await recorder.Reader.WaitToReadAsync(stoppingToken))
            {
                Fill();
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A host can stop its services twice, at once (WebApplication.Run stops it again when it is being
        // stopped): the batch is not shared between two flushes.
        Task flush;
        lock (_flushLock)
            flush = _flush ??= FlushAsync(cancellationToken);
        await flush;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        recorder.Complete();
        // Without a deadline a database that is down holds the shutdown until the host gives up, and the
        // events still in hand vanish uncounted.
        var seconds = options.Value.ShutdownFlushSeconds;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            do
            {
                Fill();
                await WriteAsync(deadline.Token);
            }
            while (recorder.Reader.Count > 0);
            LogFlushed(logger, Written, recorder.Dropped);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            var unwritten = _batch.Count;
            _batch.Clear();
            while (recorder.Reader.TryRead(out _))
                unwritten++;
            recorder.CountDropped(unwritten);
            LogNotFlushed(logger, seconds, unwritten, Written);
        }
    }

    private void Fill()
    {
        while (_batch.Count < options.Value.BatchSize && recorder.Reader.TryRead(out var reachEvent))
            _batch.Add(reachEvent);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_batch.Count == 0)
            return;
        try
        {
            await WriteRetryingAsync(_batch, cancellationToken);
            Written += _batch.Count;
            _batch.Clear();
        }
        catch (Exception e) when (DatabaseFailures.IsRefusedData(e) && _batch.Count > 1)
        {
            LogBatchRefusedForData(logger, e, _batch.Count);
            await WriteOneByOneAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A batch the database refuses for good would block every later event: drop it, loudly.
            LogBatchRefused(logger, e, _batch.Count);
            recorder.CountDropped(_batch.Count);
            _batch.Clear();
        }
    }

    /// <summary>Writes the batch's events singly, oldest first (the 30-minute rule reads earlier views), dropping those refused.</summary>
    private async Task WriteOneByOneAsync(CancellationToken cancellationToken)
    {
        // Newest first, so the oldest is taken from the end and a cancellation leaves the unwritten ones in hand.
        _batch.Sort((a, b) => b.OccurredAt.CompareTo(a.OccurredAt));
        while (_batch.Count > 0)
        {
            var reachEvent = _batch[^1];
            try
            {
                await WriteRetryingAsync([reachEvent], cancellationToken);
                Written++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogEventRefused(logger, e, reachEvent.Id, reachEvent.GetType().Name);
                recorder.CountDropped(1);
            }
            _batch.RemoveAt(_batch.Count - 1);
        }
    }

    private async Task WriteRetryingAsync(IReadOnlyList<ReachEvent> events, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await store.WriteAsync(events, cancellationToken);
                return;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                LogWriteRetry(logger, e, events.Count, (int)delay.TotalMilliseconds, recorder.Pending);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reach events flushed at shutdown: {Written} written, {Dropped} dropped")]
    private static partial void LogFlushed(ILogger logger, long written, long dropped);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Reach events not written at shutdown: the database did not take them within {Seconds} s; "
            + "{Unwritten} events dropped ({Written} written since start)")]
    private static partial void LogNotFlushed(ILogger logger, int seconds, int unwritten, long written);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A batch of {Count} reach events was refused for its data; writing its events one by one")]
    private static partial void LogBatchRefusedForData(ILogger logger, Exception? exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reach events refused by the database; {Count} events dropped")]
    private static partial void LogBatchRefused(ILogger logger, Exception? exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reach event {EventId} ({EventType}) refused by the database and dropped")]
    private static partial void LogEventRefused(ILogger logger, Exception? exception, Guid eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Writing {Count} reach events failed; retrying in {Delay} ms ({Pending} more buffered)")]
    private static partial void LogWriteRetry(ILogger logger, Exception? exception, int count, int delay, int pending);
}
