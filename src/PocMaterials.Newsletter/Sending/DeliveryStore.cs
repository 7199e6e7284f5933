using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Sending;

/// <summary>A subscriber as a recipient of one issue.</summary>
public sealed record Recipient(long SubscriberId, string Email, string Name, IReadOnlyList<string> Roles, string? Centre);

public enum DeliveryStatus
{
    Sending,
    Sent,

    /// <summary>Transient failures used up a run's tries: a later run tries again.</summary>
    Deferred,

    /// <summary>Refused for good (5xx): the server's answer is kept, no retry.</summary>
    Failed,
    Uncertain,
    Skipped,
}

/// <summary>How one claimed mail went.</summary>
public sealed record Settlement(long SubscriberId, DeliveryStatus Status, int Attempts, string? ServerResponse);

/// <summary>A delivery as editors see it.</summary>
public sealed record Delivery(long SubscriberId, string Email, string Name, DeliveryStatus Status, int Attempts, DateTimeOffset UpdatedAt, string? ServerResponse);

/// <summary>
/// The delivery state of every recipient of an issue. A row is claimed ('sending') in its own
/// statement before the mail goes out and settled after it, so whatever stops a run, a recipient
/// either has a settled row, or a 'sending' row the next run marks uncertain, or no row and is sent.
/// </summary>
public sealed class DeliveryStore(Database database, TimeProvider time)
{
    /// <summary>Rows a killed run left claimed: their mails may or may not have gone out.</summary>
    public async Task<int> MarkAbandonedUncertainAsync(long issueId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "UPDATE newsletter_deliveries SET status = 'uncertain', updated_at = $2 WHERE issue_id = $1 AND status = 'sending'");
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Active subscribers, in id order after <paramref name="afterId"/>, still to be sent the issue: no
    /// delivery row yet, or one deferred before <paramref name="runStarted"/> (not by this run). None once the
    /// issue is cancelled (an editor cancelled it while it was sent).
    /// </summary>
    /// <param name="subscribedBefore">Leaves out who subscribed later, so a resend does not reach new subscribers.</param>
    public async Task<IReadOnlyList<Recipient>> PendingAsync(long issueId, long afterId, int limit, DateTimeOffset subscribedBefore, DateTimeOffset runStarted, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT s.id, s.email, s.name, s.roles, s.centre FROM newsletter_subscribers s
            WHERE s.id > $2 AND s.unsubscribed_at IS NULL AND s.created_at <= $4
              AND EXISTS (SELECT 1 FROM newsletter_issues i WHERE i.id = $1 AND i.status IN ('sending', 'sent'))
              AND NOT EXISTS (SELECT 1 FROM newsletter_deliveries d WHERE d.issue_id = $1 AND d.subscriber_id = s.id
                              AND NOT (d.status = 'deferred' AND d.updated_at < $5))
            ORDER BY s.id LIMIT $3
            """);
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = afterId });
        command.Parameters.Add(new() { Value = limit });
        command.Parameters.Add(new() { Value = subscribedBefore });
        command.Parameters.Add(new() { Value = runStarted });
        var recipients = new List<Recipient>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            recipients.Add(new Recipient(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return recipients;
    }

    /// <summary>
    /// Claims recipients before sending (new rows, or deferred ones), in one statement and one durable
    /// commit. Returns who was claimed: not those whose row another run has settled or claimed.
    /// </summary>
    public Task<IReadOnlySet<long>> ClaimAsync(long issueId, IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken) =>
        InsertAsync(issueId, recipients, DeliveryStatus.Sending, cancellationToken);

    /// <summary>Records that the recipient may see nothing of the issue: no mail.</summary>
    public async Task<bool> SkipAsync(long issueId, Recipient recipient, CancellationToken cancellationToken) =>
        (await InsertAsync(issueId, [recipient], DeliveryStatus.Skipped, cancellationToken)).Count == 1;

    public async Task<long> CountAsync(long issueId, DeliveryStatus status, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT count(*) FROM newsletter_deliveries WHERE issue_id = $1 AND status = $2");
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = Text(status) });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records how claimed mails went, in one statement.</summary>
    /// <remarks>
    /// Without waiting for the disk: a settle lost in a crash leaves its row claimed, so the mail turns
    /// uncertain, never sent twice. The claim before the send is the write that must be durable.
    /// </remarks>
    public async Task SettleAsync(long issueId, IReadOnlyList<Settlement> settlements, CancellationToken cancellationToken)
    {
        await using var command = database.AsyncCommitDataSource.CreateCommand("""
            UPDATE newsletter_deliveries d
            SET status = s.status, attempts = s.attempts, server_response = s.response, updated_at = $6,
                sent_at = CASE WHEN s.status = 'sent' THEN $6 END
            FROM unnest($2::bigint[], $3::text[], $4::integer[], $5::text[]) AS s (subscriber_id, status, attempts, response)
            WHERE d.issue_id = $1 AND d.subscriber_id = s.subscriber_id AND d.status = 'sending'
            """);
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = settlements.Select(s => s.SubscriberId).ToArray() });
        command.Parameters.Add(new() { Value = settlements.Select(s => Text(s.Status)).ToArray() });
        command.Parameters.Add(new() { Value = settlements.Select(s => s.Attempts).ToArray() });
        command.Parameters.Add(new() { Value = settlements.Select(s => s.ServerResponse).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An editor's decision to send an uncertain mail again: the row goes, so the next run sends it.</summary>
    /// <returns>False when the delivery is not uncertain.</returns>
    public async Task<bool> ReleaseUncertainAsync(long issueId, long subscriberId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "DELETE FROM newsletter_deliveries WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'uncertain'");
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = subscriberId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Delivery>> ListAsync(long issueId, DeliveryStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT d.subscriber_id, s.email, s.name, d.status, d.attempts, d.updated_at, d.server_response
            FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id
            WHERE d.issue_id = $1 AND ($2::text IS NULL OR d.status = $2)
            ORDER BY d.subscriber_id LIMIT $3
            """);
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = status is { } s ? Text(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        var deliveries = new List<Delivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new Delivery(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Enum.Parse<DeliveryStatus>(reader.GetString(3), ignoreCase: true),
                reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return deliveries;
    }

    private async Task<IReadOnlySet<long>> InsertAsync(long issueId, IReadOnlyList<Recipient> recipients, DeliveryStatus status, CancellationToken cancellationToken)
    {
        // Rows as JSON: each has its own array of roles, which unnest() of arrays cannot carry.
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles, centre)
            SELECT $1, r.subscriber_id, $2, $4, r.roles, r.centre
            FROM jsonb_to_recordset($3) AS r (subscriber_id bigint, roles text[], centre text)
            ON CONFLICT (issue_id, subscriber_id) DO UPDATE SET status = EXCLUDED.status, updated_at = $4, roles = EXCLUDED.roles, centre = EXCLUDED.centre
            WHERE newsletter_deliveries.status = 'deferred'
            RETURNING subscriber_id
            """);
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = Text(status) });
        command.Parameters.Add(new()
        {
            Value = JsonSerializer.Serialize(recipients.Select(r => new { subscriber_id = r.SubscriberId, roles = r.Roles, centre = r.Centre })),
            NpgsqlDbType = NpgsqlDbType.Jsonb,
        });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        var inserted = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            inserted.Add(reader.GetInt64(0));
        return inserted;
    }

    internal static string Text(DeliveryStatus status) => status.ToString().ToLowerInvariant();
}
