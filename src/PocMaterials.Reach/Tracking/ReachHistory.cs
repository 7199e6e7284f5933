using Npgsql;
using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>The reach recorded for a material, kept by its slug.</summary>
public sealed class ReachHistory : IMaterialRecords
{
    /// <summary>
    /// Moves a renamed material's views and daily figures to its new slug, in the caller's transaction; days the
    /// new slug already has are merged (views and opens added, viewer sets joined).
    /// </summary>
    public async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("UPDATE material_views SET material_slug = $2 WHERE material_slug = $1", oldSlug, newSlug),
                Command("""
                    INSERT INTO daily_reach (day, dimension, key, views, opens, viewers)
                    SELECT day, dimension, $2, views, opens, viewers FROM daily_reach WHERE dimension = 'material' AND key = $1
                    ON CONFLICT (dimension, key, day) DO UPDATE SET
                        views = daily_reach.views + excluded.views,
                        opens = daily_reach.opens + excluded.opens,
                        viewers = varbit_or(daily_reach.viewers, excluded.viewers)
                    """, oldSlug, newSlug),
                Command("DELETE FROM daily_reach WHERE dimension = 'material' AND key = $1", oldSlug),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params string[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new() { Value = value });
        return command;
    }
}
