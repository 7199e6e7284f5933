using Npgsql;

namespace PocMaterials.Persistence;

/// <summary>
/// What a feature keeps in its own tables by a material's slug (reach its views and daily figures, the newsletter
/// its clicks). A rename moves them to the new slug in the rename's transaction, through this interface, so no
/// feature writes another's tables.
/// </summary>
public interface IMaterialRecords
{
    Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken);
}
