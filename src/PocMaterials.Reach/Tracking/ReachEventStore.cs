using PocMaterials.Content.Visibility;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Tracking;

/// <summary>Writes a batch of reach events in one transaction. Writing the same batch again stores nothing twice.</summary>
/// <param name="calendar">Whose zone turns the events' instants into the days of the daily figures.</param>
public sealed class ReachEventStore(Database database, StaffCalendar calendar)
{
    /// <summary>A view within this long after a view of the same material by the same viewer is not counted again.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(30);

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(ReachEventStore));

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
            await using var insert = Sql["InsertSearches"].Command(connection,
                searches.Select(s => s.Id).ToArray(),
                Instants(searches.Select(s => s.OccurredAt)),
                searches.Select(s => RecordedText.Clean(s.Query)).ToArray(),
                searches.Select(s => JsonSerializer.Serialize(CleanFilters(s.Filters))).ToArray(),
                searches.Select(s => s.ResultCount).ToArray(),
                searches.Select(s => viewers[s.Viewer.Pseudonym]).ToArray(),
                searches.Select(s => RecordedText.CleanOrNull(s.Viewer.Centre)).ToArray(),
                roles.From,
                roles.To,
                roles.All);
            await insert.ExecuteNonQueryAsync(cancellationToken);
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
            await using var insert = Sql["InsertViews"].Command(connection,
                views.Select(v => v.Id).ToArray(),
                Instants(views.Select(v => v.OccurredAt)),
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
            await insert.ExecuteNonQueryAsync(cancellationToken);
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

    private static async Task<Dictionary<string, int>> ViewerIdsAsync(
        NpgsqlConnection connection, string[] pseudonyms, CancellationToken cancellationToken)
    {
        await using (var insert = Sql["InsertViewers"].Command(connection, (object)pseudonyms))
            await insert.ExecuteNonQueryAsync(cancellationToken);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var select = Sql["SelectViewers"].Command(connection, (object)pseudonyms);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids[reader.GetString(1)] = reader.GetInt32(0);
        return ids;
    }

    // Sent as timestamptz[], the type of the columns they fill, in UTC.
    private static NpgsqlParameter Instants(IEnumerable<DateTimeOffset> instants) =>
        new() { Value = instants.Select(i => i.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz };
}
