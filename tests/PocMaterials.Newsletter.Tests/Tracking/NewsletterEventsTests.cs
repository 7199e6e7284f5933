using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Tracking;

namespace PocMaterials.Newsletter.Tests.Tracking;

/// <summary>Opens and clicks as stored: the delivery they belong to, and a rename's move of clicks to the new slug.</summary>
public sealed class NewsletterEventsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly NewsletterDatabase _db = new();
    private NewsletterEvents Events => new(_db.Database, _db.Options);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Only_a_sent_mail_is_a_delivery_to_count_opens_and_clicks_of()
    {
        var issue = await IssueAsync();
        var sent = await _db.RecipientAsync("sent", ["arts", "clb-medewerker"], "brussel");
        var failed = await _db.RecipientAsync("failed", ["clb-medewerker"], null);
        await _db.DeliverAsync(issue.Id, DeliveryStatus.Sent, sent);
        await _db.DeliverAsync(issue.Id, DeliveryStatus.Failed, failed);

        var mail = await Events.DeliveryAsync(issue.Id, sent.SubscriberId, CancellationToken.None);

        Assert.NotNull(mail);
        Assert.Equal((issue.Id, sent.SubscriberId, "brussel"), (mail.IssueId, mail.SubscriberId, mail.Centre));
        Assert.Equal(["arts", "clb-medewerker"], mail.Roles);
        Assert.NotNull(mail.SentAt);
        Assert.Null(await Events.DeliveryAsync(issue.Id, failed.SubscriberId, CancellationToken.None));
        Assert.Null(await Events.DeliveryAsync(issue.Id, sent.SubscriberId + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task A_rename_moves_clicks_to_the_new_slug_merging_a_readers_clicks_on_both()
    {
        var issue = await IssueAsync();
        var an = await _db.RecipientAsync("an", ["clb-medewerker"]);
        var bo = await _db.RecipientAsync("bo", ["clb-medewerker"]);
        await _db.DeliverAsync(issue.Id, DeliveryStatus.Sent, an, bo);
        await ClickAsync(issue, an, "oud", At);
        await ClickAsync(issue, an, "oud", At.AddHours(2));
        await ClickAsync(issue, an, "nieuw", At.AddHours(1));
        await ClickAsync(issue, bo, "oud", At);
        await ClickAsync(issue, an, "oud", At, automated: true);
        await ClickAsync(issue, an, "ander", At);

        await using (var connection = await _db.Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Events.MoveAsync(connection, transaction, "oud", "nieuw", CancellationToken.None);
            await transaction.CommitAsync();
        }

        var report = await new IssueReports(_db.Database).ForAsync(issue, _db.Snapshot, CancellationToken.None);
        Assert.Equal(
            [new LinkClicks("nieuw", "nieuw", 4, 2), new LinkClicks("ander", "ander", 1, 1)],
            report.Links);
        Assert.Equal(1, report.AutomatedClicks);
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM newsletter_events WHERE link = 'oud'"));
        Assert.Equal(1, await _db.ScalarAsync(
            "SELECT count(*) FROM newsletter_events WHERE subscriber_id = $1 AND link = 'nieuw' AND NOT automated " +
            "AND count = 3 AND first_at = $2 AND last_at = $3",
            an.SubscriberId, At, At.AddHours(2)));
    }

    private async Task<NewsletterIssue> IssueAsync() =>
        (await _db.Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, 12, 1)), CancellationToken.None)).Issue;

    private Task ClickAsync(NewsletterIssue issue, Recipient reader, string link, DateTimeOffset at, bool automated = false) =>
        Events.RecordAsync(
            issue.Id, reader.SubscriberId, NewsletterEventKind.Click, link, automated, reader.Roles, reader.Centre, at,
            CancellationToken.None);
}
