using PocMaterials.Persistence.Queries;

namespace PocMaterials.Persistence;

/// <summary>One management action as the audit log keeps it.</summary>
/// <param name="Actor">The editor's token subject.</param>
/// <param name="ActorName">Their name, when a sign-in gave one (<see cref="StaffNames"/>).</param>
public sealed record AuditEntry(
    DateTimeOffset OccurredAt, string Actor, string Action, string Target, int Status, string? Address, string? ActorName);

/// <summary>The audit log of management actions, for editors: append and read, never change.</summary>
public sealed class AuditLog(Database database)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(AuditLog));

    /// <summary>
    /// Appends an entry; text from the request loses its control characters, so an entry reads as one line and is never refused.
    /// </summary>
    public async Task RecordAsync(
        string actor, string action, string target, int status, string? address, CancellationToken cancellationToken)
    {
        await using var command = Sql["Append"].Command(database.DataSource,
            RecordedText.Clean(actor), RecordedText.Clean(action), RecordedText.Clean(target), status, address);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql["Latest"].Command(database.DataSource, limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return entries;
    }
}
