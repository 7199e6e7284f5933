using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Versions;

/// <summary>One version of a content file: who made it, when, and what it changed.</summary>
/// <param name="Author">The editor's token subject, or <see cref="ContentVersions.FileSystem"/>.</param>
public sealed record ContentVersion(int Number, string? ETag, string Author, string Summary, DateTimeOffset CreatedAt)
{
    /// <summary>This version removed the file.</summary>
    public bool IsRemoval => ETag is null;

    /// <summary>The author's name, when a sign-in gave one; set when a version is answered.</summary>
    public string? AuthorName { get; init; }
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

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(ContentVersions));

    public async Task<IReadOnlyList<ContentVersion>> ListAsync(string document, CancellationToken cancellationToken)
    {
        await using var command = Sql["List"].Command(database.DataSource, document);
        var versions = new List<ContentVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            versions.Add(Read(reader));
        return versions;
    }

    /// <summary>The ETag of each document's latest version (null for a removal); documents without history are absent.</summary>
    public async Task<Dictionary<string, string?>> LatestETagsAsync(
        IReadOnlyCollection<string> documents, CancellationToken cancellationToken)
    {
        await using var command = Sql["LatestETags"].Command(database.DataSource, (object)documents.ToArray());
        var latest = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            latest[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        return latest;
    }

    /// <summary>A version with its text (null for a removal), or null when there is no such version.</summary>
    public async Task<(ContentVersion Version, string? Text)?> GetAsync(
        string document, int number, CancellationToken cancellationToken)
    {
        await using var command = Sql["Get"].Command(database.DataSource, document, number);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return (Read(reader), ReadText(reader));
    }

    /// <summary>
    /// Runs <paramref name="change"/> holding the document's lock, inside the transaction that records its
    /// versions: what it records commits only when it returns, and no other host changes the document meanwhile.
    /// </summary>
    public Task<T> ChangeAsync<T>(string document, Func<DocumentHistory, Task<T>> change, CancellationToken cancellationToken) =>
        ChangeAsync([document], histories => change(histories[0]), cancellationToken);

    /// <summary>The same for several documents at once (a rename), locked in one order so two changes never wait on each other.</summary>
    public async Task<T> ChangeAsync<T>(
        IReadOnlyList<string> documents,
        Func<IReadOnlyList<DocumentHistory>, Task<T>> change,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var document in documents.Order(StringComparer.Ordinal))
        {
            await using var command = Sql["Lock"].Command(connection, document);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var result = await change([.. documents.Select(d => new DocumentHistory(d, connection, transaction))]);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Moves a document's history to a new name (a renamed material keeps its versions), after any the new name had.</summary>
    public static async Task MoveAsync(DocumentHistory from, string to, CancellationToken cancellationToken)
    {
        await using var command = Sql["Move"].Command(from.Connection, from.Document, to);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A version from the first five columns, in the order every query of versions gives them.</summary>
    internal static ContentVersion Read(NpgsqlDataReader reader) => new(
        reader.GetInt32(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4));

    /// <summary>The text that follows a version's columns, null for a removal.</summary>
    internal static string? ReadText(NpgsqlDataReader reader) => reader.IsDBNull(5) ? null : reader.GetString(5);
}
