using Npgsql;

namespace PocMaterials.Reach.Tracking;

/// <summary>The reach recorded for a material, kept by its slug.</summary>
public static class ReachHistory
{
    /// <summary>
    /// Moves a renamed material's views, daily figures and newsletter clicks to its new slug, in the
    /// caller's transaction; days the new slug already has are merged (views and opens added, viewer sets joined).
    /// </summary>
    public static async Task MoveMaterialAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
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
                // A reader who clicked both slugs has one row for each: they are merged, as the daily figures are.
                Command("""
                    UPDATE newsletter_events n SET count = n.count + o.count, first_at = least(n.first_at, o.first_at), last_at = greatest(n.last_at, o.last_at)
                    FROM newsletter_events o
                    WHERE o.kind = 'click' AND o.link = $1 AND n.kind = 'click' AND n.link = $2
                      AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated
                    """, oldSlug, newSlug),
                Command("""
                    DELETE FROM newsletter_events o
                    WHERE o.kind = 'click' AND o.link = $1 AND EXISTS (
                        SELECT 1 FROM newsletter_events n WHERE n.kind = 'click' AND n.link = $2
                          AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated)
                    """, oldSlug, newSlug),
                Command("UPDATE newsletter_events SET link = $2 WHERE kind = 'click' AND link = $1", oldSlug, newSlug),
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
