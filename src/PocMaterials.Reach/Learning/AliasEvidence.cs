using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Learning;

/// <summary>
/// Searches that taught something: a word, the material opened, the query that found it (null when the word itself
/// did), the pseudonymous viewer key, the roles of the view and how many such searches.
/// </summary>
public sealed record EvidenceRow(string Word, string Slug, string? FoundWith, int Viewer, IReadOnlyList<string> Roles, int Searches);

/// <summary>Reads the evidence of learning from use from the recorded searches and views, and keeps dismissed pairs.</summary>
public sealed class AliasEvidence(Database database, TimeProvider time)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(AliasEvidence));

    public async Task<IReadOnlyList<EvidenceRow>> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, TimeSpan reformulation, int minViewers, CancellationToken cancellationToken)
    {
        var rows = new List<EvidenceRow>();
        await using var command = Sql["Evidence"].Command(
            database.DataSource, from.ToUniversalTime(), to.ToUniversalTime(), reformulation, minViewers);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EvidenceRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt32(3), reader.GetFieldValue<string[]>(4), reader.GetInt32(5)));
        }
        return rows;
    }

    public async Task<IReadOnlySet<(string Word, string Target)>> DismissedAsync(CancellationToken cancellationToken)
    {
        var dismissed = new HashSet<(string, string)>();
        await using var command = Sql["Dismissed"].Command(database.DataSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            dismissed.Add((reader.GetString(0), reader.GetString(1)));
        return dismissed;
    }

    public async Task DismissAsync(string word, string target, CancellationToken cancellationToken)
    {
        await using var command = Sql["Dismiss"].Command(database.DataSource, word, target, time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
