using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Tracking;

/// <summary>The reach recorded for a material, kept by its slug.</summary>
public sealed class ReachHistory : IMaterialRecords
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(ReachHistory));

    /// <summary>
    /// Moves a renamed material's views and daily figures to its new slug, in the caller's transaction; days the
    /// new slug already has are merged (views and opens added, viewer sets joined).
    /// </summary>
    public async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Sql["MoveViews"].BatchCommand(oldSlug, newSlug),
                Sql["MergeDailyFigures"].BatchCommand(oldSlug, newSlug),
                Sql["DeleteDailyFigures"].BatchCommand(oldSlug),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
