using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>
/// The subscribers in PostgreSQL. Imports create and update by address (case-insensitive) and never touch
/// anyone who unsubscribed; an unsubscription is set once and stays. Senders stream active subscribers by id.
/// </summary>
public sealed class SubscriberStore(Database database, TimeProvider time)
{
    // Imports run one at a time, so the counts of one are not mixed with another's rows. "POCS" in ASCII.
    private const long ImportLockKey = 0x504F4353;

    private const string Columns = "id, email, name, roles, centre, unsubscribed_at";

    private const string CreateImportTable = """
        CREATE TEMP TABLE subscriber_import (line int NOT NULL, email text NOT NULL, name text NOT NULL, roles text[] NOT NULL, centre text)
        ON COMMIT DROP
        """;

    // One statement, one snapshot: "skipped" sees the subscribers as they were before this import.
    private const string Upsert = """
        WITH skipped AS (
            SELECT count(*) AS n FROM subscriber_import i JOIN newsletter_subscribers s ON s.email_key = lower(i.email)
            WHERE s.unsubscribed_at IS NOT NULL),
        updated AS (
            UPDATE newsletter_subscribers s SET email = i.email, email_key = lower(i.email), name = i.name, roles = i.roles, centre = i.centre, updated_at = $1
            FROM subscriber_import i
            WHERE s.email_key = lower(i.email) AND s.unsubscribed_at IS NULL
              AND (s.email, s.name, s.roles, s.centre) IS DISTINCT FROM (i.email, i.name, i.roles, i.centre)
            RETURNING s.id),
        created AS (
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, created_at, updated_at)
            SELECT i.email, lower(i.email), i.name, i.roles, i.centre, $1, $1 FROM subscriber_import i
            WHERE NOT EXISTS (SELECT 1 FROM newsletter_subscribers s WHERE s.email_key = lower(i.email))
            ORDER BY i.line
            RETURNING id)
        SELECT (SELECT count(*) FROM created)::int, (SELECT count(*) FROM updated)::int, (SELECT n FROM skipped)::int
        """;

    /// <summary>Creates and updates the rows in one transaction: all of them or, on failure, none.</summary>
    public async Task<ImportCounts> ImportAsync(IReadOnlyList<ImportedSubscriber> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction) { Parameters = { new() { Value = ImportLockKey } } })
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(CreateImportTable, connection, transaction))
            await create.ExecuteNonQueryAsync(cancellationToken);
        // COPY rather than parameters: 50,000 rows of arrays in one round trip.
        await using (var copy = await connection.BeginBinaryImportAsync("COPY subscriber_import (line, email, name, roles, centre) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
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
        ImportCounts counts;
        await using (var upsert = new NpgsqlCommand(Upsert, connection, transaction) { Parameters = { new() { Value = time.GetUtcNow() } } })
        await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            var (created, updated, skipped) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
            counts = new ImportCounts(created, updated, rows.Count - created - updated - skipped, skipped);
        }
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    /// <summary>Unsubscribes for good. Idempotent: a second call keeps the first moment.</summary>
    /// <returns>When the subscriber unsubscribed, or null when there is no such subscriber.</returns>
    public async Task<DateTimeOffset?> UnsubscribeAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE newsletter_subscribers SET unsubscribed_at = coalesce(unsubscribed_at, $2) WHERE id = $1 RETURNING unsubscribed_at");
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : null;
    }

    public async Task<Subscriber?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM newsletter_subscribers WHERE id = $1", [new() { Value = id }], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// Every subscriber who has not unsubscribed, by id, read a batch at a time (keyset paging): no connection is
    /// held between batches and never more than one batch in memory, and someone who unsubscribes while a long
    /// send runs is left out of the batches read after that. A sender that stopped resumes after the last id it handled.
    /// </summary>
    public async IAsyncEnumerable<Subscriber> StreamActiveAsync(long afterId = 0, int batchSize = 1000, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
    public Task<IReadOnlyList<Subscriber>> ActiveAfterAsync(long afterId, int batchSize, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM newsletter_subscribers WHERE id > $1 AND unsubscribed_at IS NULL ORDER BY id LIMIT $2",
            [new() { Value = afterId }, new() { Value = batchSize }], cancellationToken);

    /// <summary>For editors: everyone by id, or with <paramref name="unsubscribed"/> only those who did (latest first) or did not.</summary>
    public async Task<SubscriberPage> ListAsync(bool? unsubscribed, int page, int pageSize, CancellationToken cancellationToken)
    {
        const string Filter = "WHERE $1::boolean IS NULL OR (unsubscribed_at IS NOT NULL) = $1";
        var subscribers = await QueryAsync(
            $"SELECT {Columns} FROM newsletter_subscribers {Filter} ORDER BY CASE WHEN $1 THEN unsubscribed_at END DESC NULLS LAST, id LIMIT $2 OFFSET $3",
            [Unsubscribed(), new() { Value = pageSize }, new() { Value = (long)(page - 1) * pageSize }], cancellationToken);
        await using var count = database.DataSource.CreateCommand($"SELECT count(*) FROM newsletter_subscribers {Filter}");
        count.Parameters.Add(Unsubscribed());
        return new SubscriberPage(page, pageSize, (long)(await count.ExecuteScalarAsync(cancellationToken))!, subscribers);

        NpgsqlParameter Unsubscribed() => new() { Value = (object?)unsubscribed ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean };
    }

    private async Task<IReadOnlyList<Subscriber>> QueryAsync(string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
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
