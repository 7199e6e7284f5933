using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Keeps raw events for the configured number of months. The daily figures written with every batch
/// (daily_reach) are kept forever, so reports on older periods lose nothing but the search details.
/// </summary>
public sealed partial class RawEventRetention(
    Database database, IOptions<ReachOptions> options, StaffCalendar calendar, ILogger<RawEventRetention> logger)
    : BackgroundService
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(RawEventRetention));
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    await ApplyAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    LogRetentionFailed(logger, e, Interval.TotalHours);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: not a failure of the service, whichever way the host was stopped.
        }
    }

    /// <summary>Deletes the raw events older than the retention period, in one transaction.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var cutoffDay = new DateOnly(today.Year, today.Month, 1).AddMonths(-options.Value.RawRetentionMonths);
        var cutoff = calendar.StartOf(cutoffDay);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        int deleted;
        await using (var delete = Sql["DeleteViews"].Command(connection, cutoff.ToUniversalTime()))
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await using (var delete = Sql["DeleteSearches"].Command(connection, cutoff.ToUniversalTime()))
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
            LogRetentionApplied(logger, deleted, cutoffDay);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Applying the retention of raw reach events failed; trying again in {Hours} hours")]
    private static partial void LogRetentionFailed(ILogger logger, Exception? exception, double hours);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention: {Deleted} raw reach events before {Cutoff:yyyy-MM-dd} deleted; their daily figures stay")]
    private static partial void LogRetentionApplied(ILogger logger, int deleted, DateOnly cutoff);
}
