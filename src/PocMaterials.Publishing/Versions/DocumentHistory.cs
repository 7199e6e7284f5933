using Npgsql;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Versions;

/// <summary>The versions of one document, inside the transaction that holds its lock.</summary>
public sealed class DocumentHistory
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(DocumentHistory));

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
        await using var command = Sql["Latest"].Command(Connection, Document);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (ContentVersions.Read(reader), ContentVersions.ReadText(reader));
    }

    /// <summary>Records the next version: the file's new text, or null when it was removed.</summary>
    public async Task<int> RecordAsync(string? text, string? etag, string author, string summary, CancellationToken cancellationToken)
    {
        await using var command = Sql["Record"].Command(Connection, Document, etag, text, author, summary);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
