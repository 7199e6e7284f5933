using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// Turns content changes into webhook deliveries. What was last announced of each material is kept in
/// PostgreSQL; every host that sees a change compares it with that record under a lock per slug, and
/// only a host whose view of the material before the change matches it records the events. So the
/// hosts sharing a content folder announce each change once, a host that lags behind announces nothing
/// stale, and a change seen merged by one host and in steps by another is announced once either way.
/// </summary>
public sealed partial class MaterialEventRecorder(
    Database database,
    StaffCalendar calendar,
    TimeProvider time,
    string publicBaseUrl,
    ILogger<MaterialEventRecorder> logger)
{
    // The first key of the advisory locks per slug; "WHKS" in ASCII.
    private const int LockClass = 0x57484B53;
    private const int ChunkSize = 100;

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(MaterialEventRecorder));

    /// <summary>Records the events of one reload of this host's content.</summary>
    /// <returns>The deliveries recorded, to be handed to their jobs.</returns>
    public Task<IReadOnlyList<long>> RecordChangeAsync(ContentChange change, CancellationToken cancellationToken)
    {
        var observations = change.Upserted.Select(m => new Observation(m.Slug, FingerprintIn(change.Previous, m.Slug), m))
            .Concat(change.Removed.Select(slug => new Observation(slug, FingerprintIn(change.Previous, slug), null)));
        return ObserveAsync([.. observations], cancellationToken);
    }

    /// <summary>
    /// Compares the whole content with what was announced: at start (files may have changed while no host
    /// ran) and after a failure to record; or, <paramref name="datesOnly"/>, only materials whose file did not
    /// change but whose scheduled date came, which no file change tells.
    /// </summary>
    public async Task<IReadOnlyList<long>> ReconcileAsync(ContentSnapshot snapshot, bool datesOnly, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var announced = new Dictionary<string, (string Fingerprint, bool Visible)>(StringComparer.Ordinal);
        await using (var command = Sql["Announced"].Command(database.DataSource))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                announced[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
        }

        var observations = new List<Observation>();
        foreach (var material in snapshot.Materials.Values)
        {
            var fingerprint = MaterialAnnouncement.FingerprintOf(material);
            var visible = material.IsPublishedOn(today);
            if (announced.TryGetValue(material.Slug, out var known))
            {
                if (known.Fingerprint == fingerprint && known.Visible != visible)
                    observations.Add(new Observation(material.Slug, fingerprint, material));
                else if (!datesOnly && known.Fingerprint != fingerprint)
                    observations.Add(new Observation(material.Slug, known.Fingerprint, material));
            }
            else if (!datesOnly)
            {
                observations.Add(new Observation(material.Slug, null, material));
            }
        }
        if (!datesOnly)
        {
            observations.AddRange(announced
                .Where(a => !snapshot.Materials.ContainsKey(a.Key))
                .Select(a => new Observation(a.Key, a.Value.Fingerprint, null)));
        }
        return await ObserveAsync(observations, cancellationToken);
    }

    private async Task<IReadOnlyList<long>> ObserveAsync(IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        if (observations.Count == 0)
            return [];
        var today = calendar.Today;
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var endpoints = await WebhookStore.ListAsync(connection, cancellationToken);

        var deliveries = new List<long>();
        // A transaction per chunk, not per material: the first start records every material. Slugs are locked
        // in one order on every host, so two hosts never wait for each other in a circle.
        foreach (var chunk in observations.OrderBy(o => o.Slug, StringComparer.Ordinal).Chunk(ChunkSize))
        {
            try
            {
                deliveries.AddRange(await RecordAsync(connection, chunk, endpoints, today, cancellationToken));
            }
            catch (Exception e) when (DatabaseFailures.IsRefusedData(e))
            {
                // One material whose values the database refuses must not hold back the others: each is tried on its
                // own. Anything else (the database gone, a table missing) fails the whole step, to be compared again.
                foreach (var observation in chunk)
                    deliveries.AddRange(await RecordAloneAsync(connection, observation, endpoints, today, cancellationToken));
            }
        }
        return deliveries;
    }

    private async Task<IReadOnlyList<long>> RecordAloneAsync(
        NpgsqlConnection connection,
        Observation observation,
        List<WebhookEndpoint> endpoints,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        try
        {
            return await RecordAsync(connection, [observation], endpoints, today, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsRefusedData(e))
        {
            LogMaterialEventsFailed(logger, e, observation.Slug);
            return [];
        }
    }

    /// <summary>Records the events of some observations in one transaction.</summary>
    private async Task<List<long>> RecordAsync(
        NpgsqlConnection connection,
        IReadOnlyList<Observation> observations,
        List<WebhookEndpoint> endpoints,
        DateOnly today,
        CancellationToken cancellationToken)
    {
        var recorded = new List<(long Delivery, WebhookMessage Message, long Endpoint)>();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var observation in observations)
        {
            var after = observation.Material is { } material ? MaterialAnnouncement.Of(material, today, publicBaseUrl) : null;
            await using (var lockSlug = Sql["LockSlug"].Command(connection, LockClass, observation.Slug))
                await lockSlug.ExecuteNonQueryAsync(cancellationToken);
            var before = await ReadAsync(connection, observation.Slug, cancellationToken);
            // Another host announced this change already, or this host's view is behind what was announced.
            if (before?.Fingerprint != observation.FingerprintBefore || (after?.SameAs(before) ?? before is null))
                continue;
            await WriteAsync(connection, observation.Slug, after, cancellationToken);
            var occurredAt = time.GetUtcNow();
            foreach (var endpoint in endpoints)
            {
                if (MaterialAnnouncement.EventFor(before, after, endpoint.Audience) is not { } e || !endpoint.Events.Contains(e.Type))
                    continue;
                var message = WebhookMessage.New(e.Type, occurredAt, e.Material);
                var delivery = await WebhookStore.AddAsync(connection, endpoint.Id, message, cancellationToken);
                recorded.Add((delivery, message, endpoint.Id));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        foreach (var (_, message, endpoint) in recorded)
            LogEventRecorded(logger, message.Type, message.Material?.Slug, endpoint, message.Id);
        return [.. recorded.Select(r => r.Delivery)];
    }

    private static string? FingerprintIn(ContentSnapshot snapshot, string slug) =>
        snapshot.Materials.TryGetValue(slug, out var material) ? MaterialAnnouncement.FingerprintOf(material) : null;

    private static async Task<MaterialAnnouncement?> ReadAsync(
        NpgsqlConnection connection, string slug, CancellationToken cancellationToken)
    {
        await using var command = Sql["State"].Command(connection, slug);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new MaterialAnnouncement(reader.GetString(0), reader.GetBoolean(1), reader.GetFieldValue<string[]>(2),
            JsonSerializer.Deserialize<MaterialPayload>(reader.GetString(3), WebhookMessage.Json)!);
    }

    private static async Task WriteAsync(
        NpgsqlConnection connection, string slug, MaterialAnnouncement? announcement, CancellationToken cancellationToken)
    {
        await using var command = announcement is null
            ? Sql["ForgetState"].Command(connection, slug)
            : Sql["SaveState"].Command(
                connection,
                slug,
                announcement.Fingerprint,
                announcement.Visible,
                announcement.Roles.ToArray(),
                JsonSerializer.Serialize(announcement.Material, WebhookMessage.Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <param name="FingerprintBefore">
    /// The material as this host knew it before (null: it did not exist); it must match what was announced.
    /// </param>
    private sealed record Observation(string Slug, string? FingerprintBefore, Material? Material);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook events of material {Slug} could not be recorded; the other materials' are")]
    private static partial void LogMaterialEventsFailed(ILogger logger, Exception? exception, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {Type} of {Slug} for endpoint {Endpoint}: {Message}")]
    private static partial void LogEventRecorded(ILogger logger, string type, string? slug, long endpoint, string message);
}
