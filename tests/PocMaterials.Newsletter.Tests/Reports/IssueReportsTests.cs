using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Tracking;

namespace PocMaterials.Newsletter.Tests.Reports;

/// <summary>An issue's report from its deliveries and events: totals, links, and the figures per centre and per role.</summary>
public sealed class IssueReportsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Later = DateTimeOffset.UtcNow.AddHours(1);
    private readonly NewsletterDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_report_counts_readers_apart_from_scanners_in_total_per_link_per_centre_and_per_role()
    {
        var (issue, _) = await _db.Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, 12, 1)), CancellationToken.None);
        var an = await _db.RecipientAsync("an", ["arts", "clb-medewerker"]);
        var bo = await _db.RecipientAsync("bo", ["clb-medewerker"], "brussel");
        var cas = await _db.RecipientAsync("cas", ["clb-medewerker"], null);
        var eva = await _db.RecipientAsync("eva", ["clb-medewerker"]);
        var dirk = await _db.RecipientAsync("dirk", ["clb-medewerker", "directeur"]);
        await _db.DeliverAsync(issue.Id, DeliveryStatus.Sent, an, bo, cas);
        await _db.DeliverAsync(issue.Id, DeliveryStatus.Failed, eva);
        await new DeliveryStore(_db.Database, TimeProvider.System).SkipAsync(issue.Id, dirk, CancellationToken.None);
        await EventAsync(issue, an, NewsletterEventKind.Open, null);
        await EventAsync(issue, an, NewsletterEventKind.Click, "faq-leersteun");
        await EventAsync(issue, an, NewsletterEventKind.Click, "faq-leersteun");
        await EventAsync(issue, cas, NewsletterEventKind.Click, "https://example.org/elders");
        await EventAsync(issue, bo, NewsletterEventKind.Open, null, automated: true);
        await new NewsletterEvents(_db.Database, _db.Options)
            .RecordAsync(issue.Id, null, NewsletterEventKind.ArchiveView, null, false, ["arts"], "gent", Later, CancellationToken.None);

        var report = await new IssueReports(_db.Database).ForAsync(issue, _db.Snapshot, CancellationToken.None);

        Assert.Equal((3L, 0L, 1L, 0L, 1L), (report.Sent, report.Deferred, report.Failed, report.Uncertain, report.Skipped));
        Assert.Equal((2L, 3L, 2L), (report.UniqueOpens, report.Clicks, report.UniqueClickers));
        Assert.Equal((1L, 1L, 0L), (report.ArchiveViews, report.AutomatedOpens, report.AutomatedClicks));
        Assert.Equal(
            [
                new LinkClicks("faq-leersteun", "FAQ decreet leersteun", 2, 1),
                new LinkClicks("https://example.org/elders", "https://example.org/elders", 1, 1),
            ],
            report.Links);
        Assert.Equal(
            [("gent", 1L, 1L, 2L, true), ("brussel", 1L, 0L, 0L, false), ("", 1L, 1L, 1L, true)],
            report.Centres.Select(c => (c.Id, c.Sent, c.UniqueOpens, c.Clicks, c.Reached)));
        Assert.Equal("(geen centrum)", report.Centres[^1].Label);
        Assert.Equal(["brussel"], report.CentresNotReached);
        Assert.Equal(
            [("clb-medewerker", 3L, 2L, 3L), ("arts", 1L, 1L, 2L), ("verpleegkundige", 0L, 0L, 0L)],
            report.Roles.Take(3).Select(r => (r.Id, r.Sent, r.UniqueOpens, r.Clicks)));
        Assert.All(report.Roles.Skip(3), r => Assert.Equal((0L, 0L), (r.Sent, r.UniqueOpens)));
    }

    [Fact]
    public async Task Readers_who_unsubscribed_count_for_the_issue_they_left_after_in_total_per_centre_and_per_role()
    {
        var (november, _) = await _db.Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, 11, 1)), CancellationToken.None);
        var (december, _) = await _db.Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, 12, 1)), CancellationToken.None);
        var an = await _db.RecipientAsync("an", ["arts", "clb-medewerker"]);
        var bo = await _db.RecipientAsync("bo", ["clb-medewerker"], "brussel");
        var cas = await _db.RecipientAsync("cas", ["clb-medewerker"]);
        await _db.DeliverAsync(november.Id, DeliveryStatus.Sent, an, bo, cas);
        await _db.DeliverAsync(december.Id, DeliveryStatus.Sent, bo, cas);
        await _db.ExecuteAsync("UPDATE newsletter_deliveries SET sent_at = $2 WHERE issue_id = $1", november.Id, Utc(2026, 11, 2));
        await _db.ExecuteAsync("UPDATE newsletter_deliveries SET sent_at = $2 WHERE issue_id = $1", december.Id, Utc(2026, 12, 1));
        // An leaves after November's issue; Bo after December's, through the link of November's mail (the link is the same).
        await _db.ExecuteAsync("UPDATE newsletter_subscribers SET unsubscribed_at = $2 WHERE id = $1", an.SubscriberId, Utc(2026, 11, 20));
        await _db.ExecuteAsync("UPDATE newsletter_subscribers SET unsubscribed_at = $2 WHERE id = $1", bo.SubscriberId, Utc(2026, 12, 5));

        var reports = new IssueReports(_db.Database);
        var forNovember = await reports.ForAsync(november, _db.Snapshot, CancellationToken.None);
        var forDecember = await reports.ForAsync(december, _db.Snapshot, CancellationToken.None);

        Assert.Equal((1L, 1L), (forNovember.Unsubscribed, forDecember.Unsubscribed));
        Assert.Equal([("gent", 1L), ("brussel", 0L)], forNovember.Centres.Take(2).Select(c => (c.Id, c.Unsubscribed)));
        Assert.Equal([("clb-medewerker", 1L), ("arts", 1L)], forNovember.Roles.Take(2).Select(r => (r.Id, r.Unsubscribed)));
        Assert.Equal([("gent", 0L), ("brussel", 1L)], forDecember.Centres.Take(2).Select(c => (c.Id, c.Unsubscribed)));
        Assert.Equal([("clb-medewerker", 1L), ("arts", 0L)], forDecember.Roles.Take(2).Select(r => (r.Id, r.Unsubscribed)));
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 9, 0, 0, TimeSpan.Zero);

    /// <summary>An open or click as the tracking endpoints record it: with the roles and centre of the delivery.</summary>
    private async Task EventAsync(
        NewsletterIssue issue, Recipient recipient, NewsletterEventKind kind, string? link, bool automated = false)
    {
        var events = new NewsletterEvents(_db.Database, _db.Options);
        var mail = (await events.DeliveryAsync(issue.Id, recipient.SubscriberId, CancellationToken.None))!;
        await events.RecordAsync(
            issue.Id, recipient.SubscriberId, kind, link, automated, mail.Roles, mail.Centre, Later, CancellationToken.None);
    }
}
