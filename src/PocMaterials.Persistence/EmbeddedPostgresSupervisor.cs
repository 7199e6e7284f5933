using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Persistence;

/// <summary>
/// Restarts the embedded PostgreSQL cluster when it dies (killed, out of memory), with back-off, as
/// a service manager would for a server of its own. Meanwhile reach events wait in their buffer and
/// reports answer 503. A configured server (a connection string) is its operators' to supervise.
/// </summary>
public sealed partial class EmbeddedPostgresSupervisor(Database database, ILogger<EmbeddedPostgresSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetryDelay = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(CheckInterval, stoppingToken);
                if (database.EmbeddedCluster is { } cluster && !await cluster.IsAcceptingConnectionsAsync(stoppingToken))
                    await RestartAsync(cluster, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task RestartAsync(EmbeddedPostgresCluster cluster, CancellationToken stoppingToken)
    {
        LogClusterStoppedAnswering(logger, cluster.Port);
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            if (await cluster.StartAgainAsync(stoppingToken))
            {
                LogClusterRestarted(logger, cluster.Port, attempt);
                return;
            }
            LogRestartRetry(logger, attempt, delay.TotalSeconds);
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Embedded PostgreSQL on port {Port} stopped answering; restarting it")]
    private static partial void LogClusterStoppedAnswering(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded PostgreSQL restarted on port {Port} after {Attempts} attempts")]
    private static partial void LogClusterRestarted(ILogger logger, int port, int attempts);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Embedded PostgreSQL did not restart (attempt {Attempt}); next attempt in {Delay} s")]
    private static partial void LogRestartRetry(ILogger logger, int attempt, double delay);
}
