using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Reports;

public sealed record LinkClicks(string Link, string Title, long Clicks, long UniqueClickers);

/// <summary>One centre's or role's figures: mails sent, readers who opened (or clicked), clicks, readers who left after it.</summary>
public sealed record GroupFigures(string Id, string Label, long Sent, long UniqueOpens, long Clicks, long Unsubscribed, bool Reached);

/// <summary>What issues reached together per centre and per role, and how many readers left after one of them.</summary>
public sealed record IssueGroups(IReadOnlyList<GroupFigures> Centres, IReadOnlyList<GroupFigures> Roles, long Unsubscribed);

/// <summary>
/// What one issue reached, for editors. Opens and clicks count readers only: requests of mail
/// scanners and privacy proxies are given apart. A click counts as an open (images may be blocked).
/// <see cref="Unsubscribed"/> counts the readers who unsubscribed after this issue reached them and before a later one did.
/// </summary>
public sealed record IssueReport(
    string Issue,
    string Status,
    long Sent,
    long Deferred,
    long Failed,
    long Uncertain,
    long Skipped,
    long Unsubscribed,
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
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(IssueReports));
    private static readonly Breakdown ByCentre = new(Sql["SentByCentre"], Sql["OpensByCentre"], Sql["ClicksByCentre"]);
    private static readonly Breakdown ByRole = new(Sql["SentByRole"], Sql["OpensByRole"], Sql["ClicksByRole"]);

    public async Task<IssueReport> ForAsync(Issues.NewsletterIssue issue, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var statuses = await PairsAsync(Sql["Statuses"], issue.Id, cancellationToken);
        var figures = new long[6];
        await using (var totals = Sql["Totals"].Command(database.DataSource, issue.Id))
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            for (var i = 0; i < figures.Length; i++)
                figures[i] = reader.GetInt64(i);
        }

        var linkClicks = new List<LinkClicks>();
        await using (var links = Sql["Links"].Command(database.DataSource, issue.Id))
        await using (var reader = await links.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var link = reader.GetString(0);
                var title = content.Materials.TryGetValue(link, out var material) ? material.Title : link;
                linkClicks.Add(new LinkClicks(link, title, reader.GetInt64(1), reader.GetInt64(2)));
            }
        }

        var groups = await GroupsAsync([issue.Id], content, cancellationToken);
        return new IssueReport(
            issue.Key,
            issue.Status.ToString().ToLowerInvariant(),
            statuses.GetValueOrDefault("sent"),
            statuses.GetValueOrDefault("deferred"),
            statuses.GetValueOrDefault("failed"),
            statuses.GetValueOrDefault("uncertain"),
            statuses.GetValueOrDefault("skipped"),
            groups.Unsubscribed,
            figures[0], figures[1], figures[2], figures[3], figures[4], figures[5],
            linkClicks, groups.Centres, groups.Roles,
            groups.Centres.Where(c => !c.Reached).Select(c => c.Id).ToList());
    }

    /// <summary>
    /// Per centre and per role, what the issues reached together (a school year's, for its report): mails sent, readers
    /// who opened any of them (each counted once), clicks, and readers who left after one of them.
    /// </summary>
    public async Task<IssueGroups> GroupsAsync(
        IReadOnlyCollection<long> issues, ContentSnapshot content, CancellationToken cancellationToken)
    {
        long[] ids = [.. issues];
        var left = new List<(string Centre, string[] Roles)>();
        await using (var unsubscribed = Sql["Unsubscribed"].Command(database.DataSource, ids))
        await using (var reader = await unsubscribed.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                left.Add((reader.GetString(0), reader.GetFieldValue<string[]>(1)));
        }
        var centres = await GroupsAsync(
            ByCentre, ids, content.Taxonomy.Centres.All.Select(c => (c.Id, c.Label)), Tally(left.Select(l => l.Centre)),
            cancellationToken);
        var roles = await GroupsAsync(
            ByRole, ids, content.Taxonomy.Roles.All.Select(r => (r.Id, r.Label)), Tally(left.SelectMany(l => l.Roles)),
            cancellationToken);
        return new IssueGroups(centres, roles, left.Count);
    }

    /// <summary>Figures per centre or role: every known one, reached or not, then any unknown ones that occur.</summary>
    private async Task<List<GroupFigures>> GroupsAsync(
        Breakdown by,
        long[] issues,
        IEnumerable<(string Id, string Label)> known,
        Dictionary<string, long> unsubscribed,
        CancellationToken cancellationToken)
    {
        var sent = await PairsAsync(by.Sent, issues, cancellationToken);
        var opens = await PairsAsync(by.Opens, issues, cancellationToken);
        var clicks = await PairsAsync(by.Clicks, issues, cancellationToken);
        var labels = known.ToList();
        var ids = labels.Select(l => l.Id).Concat(sent.Keys).Concat(opens.Keys).Distinct(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var label = labels.FirstOrDefault(l => l.Id == id).Label ?? (id.Length == 0 ? "(geen centrum)" : id);
            var opened = opens.GetValueOrDefault(id);
            return new GroupFigures(
                id, label, sent.GetValueOrDefault(id), opened, clicks.GetValueOrDefault(id), unsubscribed.GetValueOrDefault(id),
                opened > 0);
        }).ToList();
    }

    private static Dictionary<string, long> Tally(IEnumerable<string> ids) =>
        ids.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

    private async Task<Dictionary<string, long>> PairsAsync(SqlQuery query, object issues, CancellationToken cancellationToken)
    {
        await using var command = query.Command(database.DataSource, issues);
        var pairs = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            pairs[reader.GetString(0)] = reader.GetInt64(1);
        return pairs;
    }

    /// <summary>The three figures of a breakdown by centre or by role: a query each, of the .sql file.</summary>
    private sealed record Breakdown(SqlQuery Sent, SqlQuery Opens, SqlQuery Clicks);
}
