using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Attachments;

/// <summary>
/// The lock of one attachment, a PostgreSQL advisory lock: the check-and-rename of a write or a delete runs holding
/// it, so that two hosts sharing the content folder never both replace the same version.
/// </summary>
internal sealed class AttachmentLock(Database database)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(AttachmentLock));

    public async Task<T> HoldingAsync<T>(string slug, string name, Func<T> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Sql["Lock"].Command(connection, $"attachment {slug}/{name}"))
            await command.ExecuteNonQueryAsync(cancellationToken);
        var result = change();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
