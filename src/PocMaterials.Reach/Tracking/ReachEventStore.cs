using PocMaterials.Content.Visibility;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>Writes a batch of reach events in one transaction. Writing the same batch again stores nothing twice.</summary>
/// <param name="calendar">Whose zone turns the events' instants into the days of the daily figures.</param>
public sealed class ReachEventStore(Database database, StaffCalendar calendar)
{
    /// <summary>A view within this long after a view of the same material by the same viewer is not counted again.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(30);

    private const string InsertViewers = """
        INSERT INTO viewers (pseudonym) SELECT unnest($1::text[]) ON CONFLICT (pseudonym) DO NOTHING
        """;

    private const string SelectViewers = "SELECT id, pseudonym FROM viewers WHERE pseudonym = ANY($1)";

    // Roles travel as one text[] of every event's roles, each event naming its slice: a row of
    // unnest cannot hold an array, and joining roles into one text would split a role that has a comma.
    private const string InsertSearches = """
        INSERT INTO searches (id, occurred_at, query, filters, result_count, viewer_id, roles, centre)
        SELECT s.id, s.at, s.query, s.filters::jsonb, s.results, s.viewer, ($10::text[])[s.roles_from:s.roles_to], s.centre
        FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[])
            AS s(id, at, query, filters, results, viewer, centre, roles_from, roles_to)
        ON CONFLICT (id) DO NOTHING
        """;

    // "maybe" is false when an earlier view in the same batch already falls in the window;
    // otherwise the database decides from the views already stored. Only rows really inserted
    // feed the daily figures, so a batch written twice is counted once.
    private const string InsertViews = """
        WITH inserted AS (
        INSERT INTO material_views (event_id, occurred_at, material_slug, faq_anchor, viewer_id, roles, centre, source, search_id, result_position, counted)
        SELECT v.id, v.at, v.slug, v.anchor, v.viewer, ($13::text[])[v.roles_from:v.roles_to], v.centre, v.source, v.search, v.position,
               v.maybe AND NOT EXISTS (
                   SELECT 1 FROM material_views p
                   WHERE p.viewer_id = v.viewer AND p.material_slug = v.slug
                     AND p.occurred_at > v.at - $14::interval AND p.occurred_at <= v.at AND p.event_id <> v.id)
        FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::uuid[], $9::int[], $10::bool[], $11::int[], $12::int[])
            AS v(id, at, slug, anchor, viewer, centre, source, search, position, maybe, roles_from, roles_to)
        ORDER BY v.at
        ON CONFLICT (event_id) DO NOTHING
        RETURNING occurred_at, material_slug, viewer_id, roles, centre, source, result_position, counted),
        facts AS (
            SELECT (occurred_at AT TIME ZONE $15)::date AS day, 'material' AS dimension, material_slug AS key, counted, viewer_id FROM inserted
            UNION ALL
            SELECT (occurred_at AT TIME ZONE $15)::date, 'centre', coalesce(centre, ''), counted, viewer_id FROM inserted
            UNION ALL
            SELECT (occurred_at AT TIME ZONE $15)::date, 'role', role, counted, viewer_id FROM inserted, unnest(roles) AS role
            UNION ALL
            SELECT (occurred_at AT TIME ZONE $15)::date, 'position', result_position::text, counted, viewer_id FROM inserted
            WHERE source = 'search' AND result_position IS NOT NULL)
        INSERT INTO daily_reach (day, dimension, key, views, opens, viewers)
        SELECT day, dimension, key, count(*) FILTER (WHERE counted), count(*), varbit_union(viewer_bit(viewer_id))
        FROM facts GROUP BY day, dimension, key
        ON CONFLICT (dimension, key, day) DO UPDATE SET
            views = daily_reach.views + excluded.views,
            opens = daily_reach.opens + excluded.opens,
            viewers = varbit_or(daily_reach.viewers, excluded.viewers)
        """;

    /// <remarks>Every text is stored as <see cref="RecordedText"/> cleans it.</remarks>
    public async Task WriteAsync(IReadOnlyList<ReachEvent> batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var viewers = await ViewerIdsAsync(connection, batch.Select(e => e.Viewer.Pseudonym).Distinct().ToArray(), cancellationToken);

        var searches = batch.OfType<SearchMade>().ToList();
        if (searches.Count > 0)
        {
            var roles = RoleSlices.Of(searches);
            await ExecuteAsync(connection, InsertSearches, cancellationToken,
                searches.Select(s => s.Id).ToArray(),
                searches.Select(s => s.OccurredAt.ToUniversalTime()).ToArray(),
                searches.Select(s => RecordedText.Clean(s.Query)).ToArray(),
                searches.Select(s => JsonSerializer.Serialize(CleanFilters(s.Filters))).ToArray(),
                searches.Select(s => s.ResultCount).ToArray(),
                searches.Select(s => viewers[s.Viewer.Pseudonym]).ToArray(),
                searches.Select(s => RecordedText.CleanOrNull(s.Viewer.Centre)).ToArray(),
                roles.From,
                roles.To,
                roles.All);
        }

        var views = batch.OfType<MaterialViewed>().OrderBy(v => v.OccurredAt).ToList();
        if (views.Count > 0)
        {
            var lastInBatch = new Dictionary<(string, string), DateTimeOffset>();
            var maybeCounted = views.Select(v =>
            {
                var key = (v.Viewer.Pseudonym, v.MaterialSlug);
                var repeat = lastInBatch.TryGetValue(key, out var last) && v.OccurredAt - last < RepeatWindow;
                lastInBatch[key] = v.OccurredAt;
                return !repeat;
            }).ToArray();
            var roles = RoleSlices.Of(views);
            await ExecuteAsync(connection, InsertViews, cancellationToken,
                views.Select(v => v.Id).ToArray(),
                views.Select(v => v.OccurredAt.ToUniversalTime()).ToArray(),
                views.Select(v => RecordedText.Clean(v.MaterialSlug)).ToArray(),
                views.Select(v => RecordedText.CleanOrNull(v.FaqAnchor)).ToArray(),
                views.Select(v => viewers[v.Viewer.Pseudonym]).ToArray(),
                views.Select(v => RecordedText.CleanOrNull(v.Viewer.Centre)).ToArray(),
                views.Select(v => v.Source.ToString().ToLowerInvariant()).ToArray(),
                views.Select(v => v.SearchId).ToArray(),
                views.Select(v => v.ResultPosition).ToArray(),
                maybeCounted,
                roles.From,
                roles.To,
                roles.All,
                RepeatWindow,
                calendar.Zone.Id);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static Dictionary<string, string[]> CleanFilters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        filters.ToDictionary(f => RecordedText.Clean(f.Key), f => f.Value.Select(RecordedText.Clean).ToArray(), StringComparer.Ordinal);

    /// <summary>Every event's roles in one array, and each event's 1-based slice of it (empty when to &lt; from).</summary>
    private sealed record RoleSlices(string[] All, int[] From, int[] To)
    {
        public static RoleSlices Of(IEnumerable<ReachEvent> events)
        {
            List<string> all = [];
            List<int> from = [], to = [];
            foreach (var reachEvent in events)
            {
                from.Add(all.Count + 1);
                all.AddRange(reachEvent.Viewer.Roles.Select(RecordedText.Clean));
                to.Add(all.Count);
            }
            return new RoleSlices([.. all], [.. from], [.. to]);
        }
    }

    private static async Task<Dictionary<string, int>> ViewerIdsAsync(NpgsqlConnection connection, string[] pseudonyms, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, InsertViewers, cancellationToken, (object)pseudonyms);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var select = new NpgsqlCommand(SelectViewers, connection) { Parameters = { new() { Value = pseudonyms } } };
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids[reader.GetString(1)] = reader.GetInt32(0);
        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
            command.Parameters.Add(value is DateTimeOffset[] times
                ? new NpgsqlParameter { Value = times, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz }
                : new NpgsqlParameter { Value = value ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
