using NpgsqlTypes;

namespace PocMaterials.Persistence;

/// <summary>One management action as the audit log keeps it.</summary>
public sealed record AuditEntry(DateTimeOffset OccurredAt, string Actor, string Action, string Target, int Status, string? Address);

/// <summary>The audit log of management actions, for editors: append and read, never change.</summary>
public sealed class AuditLog(Database database)
{
    /// <summary>Appends an entry; text from the request loses its control characters, so an entry reads as one line and is never refused.</summary>
    public async Task RecordAsync(string actor, string action, string target, int status, string? address, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "INSERT INTO audit_log (actor, action, target, status, address) VALUES ($1, $2, $3, $4, $5)");
        command.Parameters.Add(new() { Value = RecordedText.Clean(actor) });
        command.Parameters.Add(new() { Value = RecordedText.Clean(action) });
        command.Parameters.Add(new() { Value = RecordedText.Clean(target) });
        command.Parameters.Add(new() { Value = status });
        command.Parameters.Add(new() { Value = (object?)address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest entries, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT occurred_at, actor, action, target, status, address FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT $1");
        command.Parameters.Add(new() { Value = limit });
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return entries;
    }
}
