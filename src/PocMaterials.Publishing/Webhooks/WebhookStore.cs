using System.Data;
using Npgsql;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>A configured receiver. Its secret is not part of it: that is shown once, when it is created.</summary>
public sealed record WebhookEndpoint(
    long Id,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Roles,
    string? Description,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>The staff a receiver serves, seen as one staff member: it hears only of what they may see.</summary>
    public StaffMember Audience { get; } = new($"webhook:{Id}", Roles, centre: null);
}

/// <summary>One event for one receiver, with its attempts so far: the delivery log.</summary>
public sealed record WebhookDelivery(
    long Id,
    string MessageId,
    string EventType,
    string? Slug,
    string Status,
    int Attempts,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<WebhookAttempt> AttemptLog);

public sealed record WebhookAttempt(int Attempt, DateTimeOffset StartedAt, int DurationMs, int? StatusCode, string? Error);

/// <summary>The receivers editors configured and the log of what was sent to them.</summary>
public sealed class WebhookStore(Database database, WebhookSecretProtector secrets)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(WebhookStore));

    /// <returns>The receiver, and its secret (shown this once).</returns>
    public async Task<(WebhookEndpoint Endpoint, string Secret)> CreateAsync(
        string url,
        IReadOnlyList<string> events,
        IReadOnlyList<string> roles,
        string? description,
        string createdBy,
        CancellationToken cancellationToken)
    {
        var secret = WebhookSignature.NewSecret();
        await using var command = Sql["CreateEndpoint"].Command(
            database.DataSource, url, events.ToArray(), roles.ToArray(), secrets.Protect(secret), description, createdBy);
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
        await using (var select = Sql["PlainSecrets"].Command(database.DataSource, WebhookSignature.SecretPrefix))
        {
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                plain.Add((reader.GetInt64("id"), reader.GetString("secret")));
        }
        var encrypted = 0;
        foreach (var (id, secret) in plain)
        {
            await using var update = Sql["ProtectSecret"].Command(database.DataSource, id, secrets.Protect(secret), secret);
            encrypted += await update.ExecuteNonQueryAsync(cancellationToken);
        }
        return encrypted;
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = Sql["Endpoints"].Command(database.DataSource);
        return await ReadEndpointsAsync(command, cancellationToken);
    }

    /// <summary>Every receiver, read on a connection the caller holds.</summary>
    internal static async Task<List<WebhookEndpoint>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql["Endpoints"].Command(connection);
        return await ReadEndpointsAsync(command, cancellationToken);
    }

    public async Task<WebhookEndpoint?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql["FindEndpoint"].Command(database.DataSource, id);
        return (await ReadEndpointsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Removes a receiver with its delivery log; a retry still planned for it finds nothing to send.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql["DeleteEndpoint"].Command(database.DataSource, id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <returns>The new delivery's id.</returns>
    public async Task<long> AddAsync(long endpointId, WebhookMessage message, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await AddAsync(connection, endpointId, message, cancellationToken);
    }

    /// <remarks>In the connection's transaction, if it has one.</remarks>
    internal static async Task<long> AddAsync(
        NpgsqlConnection connection, long endpointId, WebhookMessage message, CancellationToken cancellationToken)
    {
        await using var command = Sql["AddDelivery"].Command(
            connection, endpointId, message.Id, message.Type, message.Material?.Slug, message.Serialize(), message.OccurredAt);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The latest deliveries to a receiver, newest first, each with its attempts.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(long endpointId, int limit, CancellationToken cancellationToken)
    {
        await using var command = Sql["Deliveries"].Command(database.DataSource, endpointId, limit);
        var deliveries = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var numbers = reader.GetFieldValue<int[]>("attempt_numbers");
            var started = reader.GetFieldValue<DateTimeOffset[]>("attempt_started_ats");
            var durations = reader.GetFieldValue<int[]>("attempt_durations_ms");
            var codes = reader.GetFieldValue<int?[]>("attempt_status_codes");
            var errors = reader.GetFieldValue<string?[]>("attempt_errors");
            deliveries.Add(new WebhookDelivery(
                reader.GetInt64("id"),
                reader.GetString("message_id"),
                reader.GetString("event_type"),
                reader.IsDBNull("slug") ? null : reader.GetString("slug"),
                reader.GetString("status"),
                reader.GetInt32("attempts"),
                reader.IsDBNull("last_status_code") ? null : reader.GetInt32("last_status_code"),
                reader.IsDBNull("last_error") ? null : reader.GetString("last_error"),
                reader.GetFieldValue<DateTimeOffset>("created_at"),
                reader.IsDBNull("next_attempt_at") ? null : reader.GetFieldValue<DateTimeOffset>("next_attempt_at"),
                reader.IsDBNull("delivered_at") ? null : reader.GetFieldValue<DateTimeOffset>("delivered_at"),
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
        await using var command = Sql["Overdue"].Command(database.DataSource, grace);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64("id"));
        return ids;
    }

    private static async Task<List<WebhookEndpoint>> ReadEndpointsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var endpoints = new List<WebhookEndpoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(new WebhookEndpoint(
                reader.GetInt64("id"),
                reader.GetString("url"),
                reader.GetFieldValue<string[]>("events"),
                reader.GetFieldValue<string[]>("roles"),
                reader.IsDBNull("description") ? null : reader.GetString("description"),
                reader.GetFieldValue<DateTimeOffset>("created_at"),
                reader.GetString("created_by")));
        }
        return endpoints;
    }
}
