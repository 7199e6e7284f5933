using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>
/// The subscribers in PostgreSQL. Imports create and update by address (case-insensitive) and never touch
/// anyone who unsubscribed; an unsubscription is set once and stays. Senders stream active subscribers by id.
/// </summary>
public sealed class SubscriberStore(Database database, TimeProvider time)
{
    // The key of the imports' lock (LockImports): any constant; "POCS" in ASCII.
    private const long ImportLockKey = 0x504F4353;

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(SubscriberStore));

    /// <summary>Creates and updates the rows in one transaction: all of them or, on failure, none.</summary>
    /// <param name="dryRun">Count, then roll back: the counts a real import would give now, with nothing written.</param>
    public async Task<ImportCounts> ImportAsync(
        IReadOnlyList<ImportedSubscriber> rows, CancellationToken cancellationToken, bool dryRun = false)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = Sql["LockImports"].Command(connection, ImportLockKey))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        await using (var create = Sql["CreateImportTable"].Command(connection))
            await create.ExecuteNonQueryAsync(cancellationToken);
        await CopyAsync(connection, rows, cancellationToken);
        ImportCounts counts;
        await using (var upsert = Sql["Upsert"].Command(connection, time.GetUtcNow()))
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (created, updated, skipped) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            counts = new ImportCounts(created, updated, rows.Count - created - updated - skipped, skipped);
        }
        if (dryRun)
            await transaction.RollbackAsync(cancellationToken);
        else
            await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>Unsubscribes for good. Idempotent: a second call keeps the first moment.</summary>
    /// <returns>When the subscriber unsubscribed, or null when there is no such subscriber.</returns>
    public async Task<DateTimeOffset?> UnsubscribeAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql["Unsubscribe"].Command(database.DataSource, id, time.GetUtcNow());
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task<Subscriber?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql["Get"].Command(database.DataSource, id);
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// Every subscriber who has not unsubscribed, by id, read a batch at a time (keyset paging): no connection is
    /// held between batches and never more than one batch in memory, and someone who unsubscribes while a long
    /// send runs is left out of the batches read after that. A sender that stopped resumes after the last id it handled.
    /// </summary>
    public async IAsyncEnumerable<Subscriber> StreamActiveAsync(
        long afterId = 0, int batchSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        while (true)
        {
            var batch = await ActiveAfterAsync(afterId, batchSize, cancellationToken);
            foreach (var subscriber in batch)
                yield return subscriber;
            if (batch.Count < batchSize)
                yield break;
            afterId = batch[^1].Id;
        }
    }

    /// <summary>The next <paramref name="batchSize"/> active subscribers with an id above <paramref name="afterId"/>, by id.</summary>
    public async Task<IReadOnlyList<Subscriber>> ActiveAfterAsync(long afterId, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = Sql["ActiveAfter"].Command(database.DataSource, afterId, batchSize);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// For editors: everyone by id, or with <paramref name="unsubscribed"/> only those who did (latest first) or did not;
    /// with <paramref name="search"/> only those whose address or name holds it (any case).
    /// </summary>
    public async Task<SubscriberPage> ListAsync(
        bool? unsubscribed, int page, int pageSize, CancellationToken cancellationToken, string? search = null)
    {
        IReadOnlyList<Subscriber> subscribers;
        var offset = (long)(page - 1) * pageSize;
        await using (var list = Sql["List"].Command(database.DataSource, unsubscribed, pageSize, offset, search))
            subscribers = await ReadAsync(list, cancellationToken);
        await using var count = Sql["Count"].Command(database.DataSource, unsubscribed, search);
        return new SubscriberPage(page, pageSize, (long)(await count.ExecuteScalarAsync(cancellationToken))!, subscribers);
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<ImportedSubscriber> rows, CancellationToken cancellationToken)
    {
        // COPY rather than parameters: 50,000 rows of arrays in one round trip.
        await using var copy = await connection.BeginBinaryImportAsync(Sql["CopyImport"].Text, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(row.Line, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(row.Email, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(row.Roles, NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            if (row.Centre is null)
                await copy.WriteNullAsync(cancellationToken);
            else
                await copy.WriteAsync(row.Centre, NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<Subscriber>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var subscribers = new List<Subscriber>();
        while (await reader.ReadAsync(cancellationToken))
        {
            subscribers.Add(new Subscriber(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return subscribers;
    }
}
