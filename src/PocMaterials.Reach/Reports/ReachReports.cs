using PocMaterials.Content.Visibility;
using System.Runtime.CompilerServices;
using Npgsql;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Reports;

/// <summary>
/// The reach reports. Views and reach come from the daily figures (kept forever), searches from the raw
/// search events of the retention period. Views count once per viewer and material within 30 minutes;
/// unique viewers are counted from pseudonymous ids that no report shows.
/// </summary>
public sealed class ReachReports(Database database, StaffCalendar calendar)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(ReachReports));

    public async Task<MaterialViewsReport> MaterialViewsAsync(
        ReportPeriod period, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, (int Views, int Unique)>(StringComparer.Ordinal);
        var months = new Dictionary<string, List<MonthFigures>>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(Sql["MaterialViews"], cancellationToken, period.From, period.To))
        {
            var slug = row.GetString(0);
            if (row.IsDBNull(1))
            {
                totals[slug] = (row.GetInt32(2), row.GetInt32(3));
                continue;
            }
            var month = new MonthFigures(DateOnly.FromDateTime(row.GetDateTime(1)), row.GetInt32(2), row.GetInt32(3));
            (months.TryGetValue(slug, out var list) ? list : months[slug] = []).Add(month);
        }
        var materials = totals
            .Select(t => new MaterialReach(
                t.Key,
                TitleOf(content, t.Key),
                t.Value.Views,
                t.Value.Unique,
                [.. months.GetValueOrDefault(t.Key, []).OrderBy(m => m.Month)]))
            .OrderByDescending(m => m.Views).ThenBy(m => m.Slug, StringComparer.Ordinal)
            .ToList();
        return new MaterialViewsReport(period.From, period.To, materials);
    }

    public Task<ReachReport> CentresAsync(ReportPeriod period, ContentSnapshot content, CancellationToken cancellationToken) =>
        GroupsAsync(period, "centre", content.Taxonomy.Centres.All.Select(c => (c.Id, c.Label)), cancellationToken);

    public Task<ReachReport> RolesAsync(ReportPeriod period, ContentSnapshot content, CancellationToken cancellationToken) =>
        GroupsAsync(period, "role", content.Taxonomy.Roles.All.Select(r => (r.Id, r.Label)), cancellationToken);

    public async Task<SearchReport> SearchesAsync(ReportPeriod period, int top, CancellationToken cancellationToken)
    {
        int searches = 0, followed = 0;
        await foreach (var row in QueryAsync(Sql["SearchCounts"], cancellationToken, period.StartIn(calendar), period.EndIn(calendar)))
            (searches, followed) = (row.GetInt32(0), row.GetInt32(1));
        return new SearchReport(
            period.From,
            period.To,
            searches,
            followed,
            searches == 0 ? 0 : Math.Round((double)followed / searches, 4),
            await QueriesAsync(Sql["TopQueries"], period, top, cancellationToken),
            await QueriesAsync(Sql["QueriesWithoutResults"], period, top, cancellationToken),
            await QueriesAsync(Sql["QueriesWithoutOpens"], period, top, cancellationToken),
            await ClicksByPositionAsync(period, cancellationToken));
    }

    /// <param name="outdated">Per material, staff's "Was dit nuttig?" votes of the period that called it outdated.</param>
    public async Task<ContentHealthReport> ContentHealthAsync(ReportPeriod period, ContentSnapshot content, DateOnly today,
        IReadOnlyDictionary<string, int> outdated, CancellationToken cancellationToken)
    {
        var views = (await MaterialViewsAsync(period, content, cancellationToken)).Materials
            .ToDictionary(m => m.Slug, m => m.Views, StringComparer.Ordinal);
        // Only what staff could have seen: published, not scheduled after the period.
        var published = content.Materials.Values
            .Where(m => m.Status == MaterialStatus.Published && (m.Published is null || m.Published <= period.To))
            .ToList();
        MaterialHealth Health(Material m) => new(m.Slug, m.Title, views.GetValueOrDefault(m.Slug), m.ReviewBy, m.Updated,
            m.IsDueForReview(today), outdated.GetValueOrDefault(m.Slug));
        return new ContentHealthReport(
            period.From,
            period.To,
            [.. published.Where(m => views.GetValueOrDefault(m.Slug) == 0)
                .OrderBy(m => m.Title, StringComparer.CurrentCulture)
                .Select(Health)],
            [.. published.Where(m => m.IsDueForReview(today)).Select(Health).OrderByDescending(h => h.Views).ThenBy(h => h.ReviewBy)],
            // Staff saying a material is outdated is the strongest sign it needs checking, before a date passed and views.
            [.. published.Where(m => m.IsDueForReview(today) || outdated.ContainsKey(m.Slug)).Select(Health)
                .OrderByDescending(h => h.OutdatedVotes).ThenByDescending(h => h.DueForReview)
                .ThenByDescending(h => h.Views).ThenBy(h => h.ReviewBy)]);
    }

    private async Task<ReachReport> GroupsAsync(
        ReportPeriod period, string dimension, IEnumerable<(string Id, string Label)> configured, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, (int Views, int Unique)>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(Sql["GroupViews"], cancellationToken, period.From, period.To, dimension))
            figures[row.GetString(0)] = (row.GetInt32(1), row.GetInt32(2));
        var groups = configured
            .Select(c => new GroupReach(c.Id, c.Label, figures.GetValueOrDefault(c.Id).Views, figures.GetValueOrDefault(c.Id).Unique))
            .ToList();
        return new ReachReport(period.From, period.To,
            [.. groups.OrderByDescending(g => g.Views).ThenBy(g => g.Label, StringComparer.CurrentCulture)],
            [.. groups.Where(g => g.Views == 0)]);
    }

    private async Task<IReadOnlyList<QueryCount>> QueriesAsync(
        SqlQuery query, ReportPeriod period, int top, CancellationToken cancellationToken)
    {
        var queries = new List<QueryCount>();
        await foreach (var row in QueryAsync(query, cancellationToken, period.StartIn(calendar), period.EndIn(calendar), top))
            queries.Add(new QueryCount(row.GetString(0), row.GetInt32(1), Math.Round(row.GetDouble(2), 2)));
        return queries;
    }

    private async Task<IReadOnlyList<PositionClicks>> ClicksByPositionAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var clicks = new List<PositionClicks>();
        await foreach (var row in QueryAsync(Sql["ClicksByPosition"], cancellationToken, period.From, period.To))
            clicks.Add(new PositionClicks(row.GetInt32(0), row.GetInt32(1)));
        return clicks;
    }

    private async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(
        SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken, params object[] values)
    {
        await using var command = query.Command(database.DataSource,
            [.. values.Select(value => value is DateTimeOffset time ? time.ToUniversalTime() : value)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return reader;
    }

    private static string TitleOf(ContentSnapshot content, string slug) =>
        content.Materials.TryGetValue(slug, out var material) ? material.Title : slug;
}
