using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Moves buffered reach events into PostgreSQL in batches. A database outage is retried with back-off
/// while the batch stays in hand; a graceful shutdown writes every event still buffered.
/// </summary>
public sealed class ReachEventWriter(ReachRecorder recorder, ReachEventStore store, IOptions<ReachOptions> options, ILogger<ReachEventWriter> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(10);

    private readonly List<ReachEvent> _batch = [];

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
        recorder.Complete();
        do
        {
            Fill();
            await WriteAsync(cancellationToken);
        }
        while (recorder.Reader.Count > 0);
        logger.LogInformation("Reach events flushed at shutdown: {Written} written, {Dropped} dropped", Written, recorder.Dropped);
    }

    private void Fill()
    {
        while (_batch.Count < options.Value.BatchSize && recorder.Reader.TryRead(out var reachEvent))
            _batch.Add(reachEvent);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (_batch.Count > 0)
        {
            try
            {
                await store.WriteAsync(_batch, cancellationToken);
                Written += _batch.Count;
                _batch.Clear();
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Writing {Count} reach events failed; retrying in {Delay} ms ({Pending} more buffered)", _batch.Count, (int)delay.TotalMilliseconds, recorder.Pending);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
            }
            catch (Exception e) when (!IsTransient(e) && e is not OperationCanceledException)
            {
                // A batch the database refuses for good would block every later event: drop it, loudly.
                logger.LogError(e, "Reach events refused by the database; {Count} events dropped", _batch.Count);
                recorder.CountDropped(_batch.Count);
                _batch.Clear();
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        // Connection failures (08), shutdowns and restarts (57) and resource shortages (53) pass.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState[..2] is "08" or "57" or "53",
        NpgsqlException or SocketException or IOException or TimeoutException => true,
        InvalidOperationException when e.InnerException is not null => IsTransient(e.InnerException),
        _ => false,
    };
}
