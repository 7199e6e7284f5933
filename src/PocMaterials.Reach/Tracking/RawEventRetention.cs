using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Keeps raw events for the configured number of months. Before raw events of a month go, that month's
/// views and unique viewers per material, centre and role are kept in monthly_reach, forever.
/// </summary>
public sealed class RawEventRetention(Database database, IOptions<ReachOptions> options, BrusselsCalendar calendar, ILogger<RawEventRetention> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private const string Aggregate = """
        WITH old AS (
            SELECT date_trunc('month', occurred_at AT TIME ZONE 'Europe/Brussels')::date AS month, *
            FROM material_views WHERE occurred_at < $1)
        INSERT INTO monthly_reach (month, dimension, key, views, unique_viewers)
        SELECT month, 'material', material_slug, count(*) FILTER (WHERE counted), count(DISTINCT viewer_id) FROM old GROUP BY month, material_slug
        UNION ALL
        SELECT month, 'centre', coalesce(centre, ''), count(*) FILTER (WHERE counted), count(DISTINCT viewer_id) FROM old GROUP BY month, coalesce(centre, '')
        UNION ALL
        SELECT month, 'role', role, count(*) FILTER (WHERE counted), count(DISTINCT viewer_id) FROM old, unnest(roles) AS role GROUP BY month, role
        ON CONFLICT (month, dimension, key) DO UPDATE
            SET views = monthly_reach.views + excluded.views, unique_viewers = monthly_reach.unique_viewers + excluded.unique_viewers
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await ApplyAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(e, "Applying the retention of raw reach events failed; trying again in {Hours} hours", Interval.TotalHours);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Aggregates and deletes the raw events older than the retention period, in one transaction.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var cutoffDay = new DateOnly(today.Year, today.Month, 1).AddMonths(-options.Value.RawRetentionMonths);
        var cutoff = new Reports.ReportPeriod(cutoffDay, cutoffDay).Start;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var aggregate = new NpgsqlCommand(Aggregate, connection, transaction) { Parameters = { new() { Value = cutoff.ToUniversalTime() } } })
            await aggregate.ExecuteNonQueryAsync(cancellationToken);
        int deleted;
        await using (var delete = new NpgsqlCommand("DELETE FROM material_views WHERE occurred_at < $1", connection, transaction) { Parameters = { new() { Value = cutoff.ToUniversalTime() } } })
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("DELETE FROM searches WHERE occurred_at < $1", connection, transaction) { Parameters = { new() { Value = cutoff.ToUniversalTime() } } })
            deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Retention: {Deleted} raw reach events before {Cutoff:yyyy-MM-dd} aggregated by month and deleted", deleted, cutoffDay);
        return deleted;
    }
}
