using PocMaterials.Content.Library;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Reports;

public sealed record LinkClicks(string Link, string Title, long Clicks, long UniqueClickers);

/// <summary>One centre's or role's figures: mails sent, readers who opened (or clicked), clicks.</summary>
public sealed record GroupFigures(string Id, string Label, long Sent, long UniqueOpens, long Clicks, bool Reached);

/// <summary>
/// What one issue reached, for editors. Opens and clicks count readers only: requests of mail
/// scanners and privacy proxies are given apart. A click counts as an open (images may be blocked).
/// </summary>
public sealed record IssueReport(
    string Issue,
    string Status,
    long Sent,
    long Deferred,
    long Failed,
    long Uncertain,
    long Skipped,
    long UniqueOpens,
    long Clicks,
    long UniqueClickers,
    long ArchiveViews,
    long AutomatedOpens,
    long AutomatedClicks,
    IReadOnlyList<LinkClicks> Links,
    IReadOnlyList<GroupFigures> Centres,
    IReadOnlyList<GroupFigures> Roles,
    IReadOnlyList<string> CentresNotReached);

public sealed class IssueReports(Database database)
{
    // The grouping expressions are fixed here, never taken from a request.
    private static readonly (string Key, string Join) ByCentre = ("coalesce(centre, '')", "");
    private static readonly (string Key, string Join) ByRole = ("role", "CROSS JOIN LATERAL unnest(roles) AS role");

    public async Task<IssueReport> ForAsync(Issues.NewsletterIssue issue, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var statuses = await PairsAsync("SELECT status, count(*) FROM newsletter_deliveries WHERE issue_id = $1 GROUP BY status", issue.Id, cancellationToken);
        await using var totals = database.DataSource.CreateCommand("""
            SELECT count(DISTINCT subscriber_id) FILTER (WHERE NOT automated AND kind IN ('open', 'click')),
                   coalesce(sum(count) FILTER (WHERE NOT automated AND kind = 'click'), 0)::bigint,
                   count(DISTINCT subscriber_id) FILTER (WHERE NOT automated AND kind = 'click'),
                   coalesce(sum(count) FILTER (WHERE NOT automated AND kind = 'archive_view'), 0)::bigint,
                   coalesce(sum(count) FILTER (WHERE automated AND kind = 'open'), 0)::bigint,
                   coalesce(sum(count) FILTER (WHERE automated AND kind = 'click'), 0)::bigint
            FROM newsletter_events WHERE issue_id = $1
            """);
        totals.Parameters.Add(new() { Value = issue.Id });
        var figures = new long[6];
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < figures.Length; i++)
                figures[i] = reader.GetInt64(i);
        }

        await using var links = database.DataSource.CreateCommand("""
            SELECT link, sum(count)::bigint AS clicks, count(DISTINCT subscriber_id) FROM newsletter_events
            WHERE issue_id = $1 AND kind = 'click' AND NOT automated GROUP BY link ORDER BY clicks DESC, link
            """);
        links.Parameters.Add(new() { Value = issue.Id });
        var linkClicks = new List<LinkClicks>();
        await using (var reader = await links.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var link = reader.GetString(0);
                linkClicks.Add(new LinkClicks(link, content.Materials.TryGetValue(link, out var m) ? m.Title : link, reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var centres = await GroupsAsync(ByCentre, issue.Id, content.Taxonomy.Centres.All.Select(c => (c.Id, c.Label)), cancellationToken);
        var roles = await GroupsAsync(ByRole, issue.Id, content.Taxonomy.Roles.All.Select(r => (r.Id, r.Label)), cancellationToken);
        return new IssueReport(
            issue.Key, issue.Status.ToString().ToLowerInvariant(),
            statuses.GetValueOrDefault("sent"), statuses.GetValueOrDefault("deferred"), statuses.GetValueOrDefault("failed"), statuses.GetValueOrDefault("uncertain"), statuses.GetValueOrDefault("skipped"),
            figures[0], figures[1], figures[2], figures[3], figures[4], figures[5],
            linkClicks, centres, roles,
            centres.Where(c => !c.Reached).Select(c => c.Id).ToList());
    }

    /// <summary>Figures per centre or role: every known one, reached or not, then any unknown ones that occur.</summary>
    private async Task<List<GroupFigures>> GroupsAsync((string Key, string Join) by, long issueId, IEnumerable<(string Id, string Label)> known, CancellationToken cancellationToken)
    {
        var sent = await PairsAsync($"SELECT {by.Key}, count(*) FROM newsletter_deliveries {by.Join} WHERE issue_id = $1 AND status = 'sent' GROUP BY 1", issueId, cancellationToken);
        var opens = await PairsAsync(
            $"SELECT {by.Key}, count(DISTINCT subscriber_id) FROM newsletter_events {by.Join} WHERE issue_id = $1 AND NOT automated AND kind IN ('open', 'click') GROUP BY 1",
            issueId, cancellationToken);
        var clicks = await PairsAsync(
            $"SELECT {by.Key}, sum(count)::bigint FROM newsletter_events {by.Join} WHERE issue_id = $1 AND NOT automated AND kind = 'click' GROUP BY 1", issueId, cancellationToken);
        var labels = known.ToList();
        var ids = labels.Select(l => l.Id).Concat(sent.Keys).Concat(opens.Keys).Distinct(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var label = labels.FirstOrDefault(l => l.Id == id).Label ?? (id.Length == 0 ? "(geen centrum)" : id);
            var opened = opens.GetValueOrDefault(id);
            return new GroupFigures(id, label, sent.GetValueOrDefault(id), opened, clicks.GetValueOrDefault(id), opened > 0);
        }).ToList();
    }

    private async Task<Dictionary<string, long>> PairsAsync(string sql, long issueId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new() { Value = issueId });
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            pairs[reader.GetString(0)] = reader.GetInt64(1);
        return pairs;
    }
}
