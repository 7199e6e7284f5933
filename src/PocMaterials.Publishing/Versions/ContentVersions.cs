using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;

namespace PocMaterials.Publishing.Versions;

/// <summary>One version of a content file: who made it, when, and what it changed.</summary>
public sealed record ContentVersion(int Number, string? ETag, string Author, string Summary, DateTimeOffset CreatedAt)
{
    /// <summary>This version removed the file.</summary>
    public bool IsRemoval => ETag is null;
}

/// <summary>
/// The history of every content file in PostgreSQL. Changes to one document are serialised by a lock
/// that every host on the database shares, taken in the transaction that records the version, so two
/// editors on two hosts cannot both write over the same version.
/// </summary>
public sealed class ContentVersions(Database database)
{
    /// <summary>The author of a change found on disk rather than made through the API.</summary>
    public const string FileSystem = "file system";

    public async Task<IReadOnlyList<ContentVersion>> ListAsync(string document, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT version, etag, author, summary, created_at FROM content_versions WHERE document = $1 ORDER BY version DESC");
        command.Parameters.Add(new() { Value = document });
        var versions = new List<ContentVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(Read(reader));
        return versions;
    }

    /// <summary>The ETag of each document's latest version (null for a removal); documents without history are absent.</summary>
    public async Task<Dictionary<string, string?>> LatestETagsAsync(IReadOnlyCollection<string> documents, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT DISTINCT ON (document) document, etag FROM content_versions WHERE document = ANY($1) ORDER BY document, version DESC");
        command.Parameters.Add(new() { Value = documents.ToArray() });
        var latest = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            latest[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return latest;
    }

    /// <summary>A version with its text (null for a removal), or null when there is no such version.</summary>
    public async Task<(ContentVersion Version, string? Text)?> GetAsync(string document, int number, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT version, etag, author, summary, created_at, text FROM content_versions WHERE document = $1 AND version = $2");
        command.Parameters.Add(new() { Value = document });
        command.Parameters.Add(new() { Value = number });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (Read(reader), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>
    /// Runs <paramref name="change"/> holding the document's lock, inside the transaction that records its
    /// versions: what it records commits only when it returns, and no other host changes the document meanwhile.
    /// </summary>
    public Task<T> ChangeAsync<T>(string document, Func<DocumentHistory, Task<T>> change, CancellationToken cancellationToken) =>
        ChangeAsync([document], histories => change(histories[0]), cancellationToken);

    /// <summary>The same for several documents at once (a rename), locked in one order so two changes never wait on each other.</summary>
    public async Task<T> ChangeAsync<T>(IReadOnlyList<string> documents, Func<IReadOnlyList<DocumentHistory>, Task<T>> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var document in documents.Order(StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('content:' || $1, 0))", connection, transaction);
            command.Parameters.Add(new() { Value = document });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var result = await change([.. documents.Select(d => new DocumentHistory(d, connection, transaction))]);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Moves a document's history to a new name (a renamed material keeps its versions), after any the new name had.</summary>
    public static async Task MoveAsync(DocumentHistory from, string to, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE content_versions SET document = $2, version = version + coalesce((SELECT max(version) FROM content_versions WHERE document = $2), 0)
            WHERE document = $1
            """, from.Connection, from.Transaction);
        command.Parameters.Add(new() { Value = from.Document });
        command.Parameters.Add(new() { Value = to });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static ContentVersion Read(NpgsqlDataReader reader) => new(
        reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4));
}

/// <summary>The versions of one document, inside the transaction that holds its lock.</summary>
public sealed class DocumentHistory
{
    internal DocumentHistory(string document, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        Document = document;
        Connection = connection;
        Transaction = transaction;
    }

    public string Document { get; }

    /// <summary>The connection and transaction of the lock, for what must commit with the version (a rename's redirect).</summary>
    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The latest version with its text, or null when the document has no history yet.</summary>
    public async Task<(ContentVersion Version, string? Text)?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, etag, author, summary, created_at, text FROM content_versions WHERE document = $1 ORDER BY version DESC LIMIT 1", Connection, Transaction);
        command.Parameters.Add(new() { Value = Document });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (ContentVersions.Read(reader), reader.IsDBNull(5) ? null : reader.GetString(5));
    }

    /// <summary>Records the next version: the file's new text, or null when it was removed.</summary>
    public async Task<int> RecordAsync(string? text, string? etag, string author, string summary, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO content_versions (document, version, etag, text, author, summary)
            SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM content_versions WHERE document = $1
            RETURNING version
            """, Connection, Transaction);
        command.Parameters.Add(new() { Value = Document });
        command.Parameters.Add(new() { Value = (object?)etag ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = author });
        command.Parameters.Add(new() { Value = summary });
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
