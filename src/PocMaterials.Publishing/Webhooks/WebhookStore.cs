using Npgsql;
using NpgsqlTypes;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>A configured receiver. Its secret is not part of it: that is shown once, when it is created.</summary>
public sealed record WebhookEndpoint(long Id, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> Roles, string? Description, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>The staff a receiver serves, seen as one staff member: it hears only of what they may see.</summary>
    public StaffMember Audience { get; } = new($"webhook:{Id}", Roles, centre: null);
}

/// <summary>One event for one receiver, with its attempts so far: the delivery log.</summary>
public sealed record WebhookDelivery(
    long Id, string MessageId, string EventType, string? Slug, string Status, int Attempts, int? LastStatusCode, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttempt> AttemptLog);

public sealed record WebhookAttempt(int Attempt, DateTimeOffset StartedAt, int DurationMs, int? StatusCode, string? Error);

/// <summary>The receivers editors configured and the log of what was sent to them.</summary>
public sealed class WebhookStore(Database database, WebhookSecretProtector secrets)
{
    internal const string EndpointColumns = "id, url, events, roles, description, created_at, created_by";

    /// <returns>The receiver, and its secret (shown this once).</returns>
    public async Task<(WebhookEndpoint Endpoint, string Secret)> CreateAsync(
        string url, IReadOnlyList<string> events, IReadOnlyList<string> roles, string? description, string createdBy, CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        await using var command = database.DataSource.CreateCommand(
            $"INSERT INTO webhook_endpoints (url, events, roles, secret, description, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING {EndpointColumns}");
        command.Parameters.Add(new() { Value = url });
        command.Parameters.Add(new() { Value = events.ToArray() });
        command.Parameters.Add(new() { Value = roles.ToArray() });
        command.Parameters.Add(new() { Value = secrets.Protect(secret) });
        command.Parameters.Add(new() { Value = (object?)description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = createdBy });
        return ((await ReadEndpointsAsync(command, cancellationToken))[0], secret);
    }

    /// <summary>
    /// Encrypts the secrets stored in plain text by versions before encryption; run at start by every host. A
    /// secret another host encrypted meanwhile is left as that host wrote it.
    /// </summary>
    /// <returns>How many were encrypted.</returns>
    public async Task<int> ProtectPlainSecretsAsync(CancellationToken cancellationToken)
    {
        var plain = new List<(long Id, string Secret)>();
        await using (var select = database.DataSource.CreateCommand("SELECT id, secret FROM webhook_endpoints WHERE starts_with(secret, $1)"))
        {
            select.Parameters.Add(new() { Value = WebhookSignature.SecretPrefix });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                plain.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        var encrypted = 0;
        foreach (var (id, secret) in plain)
        {
            await using var update = database.DataSource.CreateCommand("UPDATE webhook_endpoints SET secret = $2 WHERE id = $1 AND secret = $3");
            update.Parameters.Add(new() { Value = id });
            update.Parameters.Add(new() { Value = secrets.Protect(secret) });
            update.Parameters.Add(new() { Value = secret });
            encrypted += await update.ExecuteNonQueryAsync(cancellationToken);
        }
        return encrypted;
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {EndpointColumns} FROM webhook_endpoints ORDER BY id");
        return await ReadEndpointsAsync(command, cancellationToken);
    }

    public async Task<WebhookEndpoint?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {EndpointColumns} FROM webhook_endpoints WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return (await ReadEndpointsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Removes a receiver with its delivery log; a retry still planned for it finds nothing to send.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM webhook_endpoints WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <returns>The new delivery's id.</returns>
    public async Task<long> AddAsync(long endpointId, WebhookMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await AddAsync(connection, null, endpointId, message, cancellationToken);
    }

    internal static async Task<long> AddAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long endpointId, WebhookMessage message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, slug, payload, status, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6) RETURNING id",
            connection, transaction);
        command.Parameters.Add(new() { Value = endpointId });
        command.Parameters.Add(new() { Value = message.Id });
        command.Parameters.Add(new() { Value = message.Type });
        command.Parameters.Add(new() { Value = (object?)message.Material?.Slug ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = message.Serialize() });
        command.Parameters.Add(new() { Value = message.OccurredAt });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The latest deliveries to a receiver, newest first, each with its attempts.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(long endpointId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT d.id, d.message_id, d.event_type, d.slug, d.status, d.attempts, d.last_status_code, d.last_error, d.created_at,
                   CASE WHEN d.status IN ('pending', 'sending') THEN d.next_attempt_at END, d.delivered_at,
                   coalesce(array_agg(a.attempt ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}'),
                   coalesce(array_agg(a.started_at ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}'),
                   coalesce(array_agg(a.duration_ms ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}'),
                   coalesce(array_agg(a.status_code ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}'),
                   coalesce(array_agg(a.error ORDER BY a.attempt) FILTER (WHERE a.attempt IS NOT NULL), '{}')
            FROM (SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY id DESC LIMIT $2) d
            LEFT JOIN webhook_attempts a ON a.delivery_id = d.id
            GROUP BY d.id, d.message_id, d.event_type, d.slug, d.status, d.attempts, d.last_status_code, d.last_error, d.created_at,
                     d.next_attempt_at, d.delivered_at
            ORDER BY d.id DESC
            """);
        command.Parameters.Add(new() { Value = endpointId });
        command.Parameters.Add(new() { Value = limit });
        var deliveries = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var numbers = reader.GetFieldValue<int[]>(11);
            var started = reader.GetFieldValue<DateTimeOffset[]>(12);
            var durations = reader.GetFieldValue<int[]>(13);
            var codes = reader.GetFieldValue<int?[]>(14);
            var errors = reader.GetFieldValue<string?[]>(15);
            deliveries.Add(new WebhookDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                [.. numbers.Select((n, i) => new WebhookAttempt(n, started[i], durations[i], codes[i], errors[i]))]));
        }
        return deliveries;
    }

    /// <summary>
    /// Deliveries whose job should have run by now and did not (its host was killed between recording the
    /// event and handing it to Hangfire, or during an attempt): to be handed over again.
    /// </summary>
    public async Task<IReadOnlyList<long>> OverdueAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT id FROM webhook_deliveries
            WHERE status IN ('pending', 'sending') AND next_attempt_at < now() - $1
              AND (status = 'pending' OR lease_until < now() - $1)
            ORDER BY id LIMIT 1000
            """);
        command.Parameters.Add(new() { Value = grace });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    internal static async Task<List<WebhookEndpoint>> ReadEndpointsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new WebhookEndpoint(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
        }
        return endpoints;
    }
}
