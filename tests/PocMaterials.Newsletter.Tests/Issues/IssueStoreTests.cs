using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Testing;

namespace PocMaterials.Newsletter.Tests.Issues;

/// <summary>Issues as stored: every field read back, the editors' list, and the intro that only an unsent issue lets change.</summary>
public sealed class IssueStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
    private readonly NewsletterDatabase _db = new();
    private readonly TestClock _clock = new(Now);
    private IssueStore Issues => new(_db.Database, _clock);

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task An_issue_reads_back_as_it_was_stored_and_as_its_status_changes_say()
    {
        var composed = NewsletterDatabase.Issue(new DateOnly(2026, 12, 1), "faq-leersteun") with
        {
            Feature = new Feature(FeatureKind.CoreProcess, "begeleiding"),
            ComposedAt = Now,
            Note = "Samengesteld na een gemiste planning.",
        };

        var (stored, created) = await Issues.AddOnceAsync(composed, CancellationToken.None);
        var approved = await Issues.TransitionAsync(
            stored.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur", "goedgekeurd", CancellationToken.None);
        _clock.Now = Now.AddHours(1);
        var cancelled = await Issues.TransitionAsync(
            stored.Id, [IssueStatus.Composed, IssueStatus.Approved], IssueStatus.Cancelled, null, null, CancellationToken.None);

        var byMonth = await Issues.GetAsync(new DateOnly(2026, 12, 1), CancellationToken.None);
        var byId = (await Issues.GetAsync(stored.Id, CancellationToken.None))!;

        Assert.True(created);
        // The composition is a record of lists, equal by reference: compared apart.
        Assert.Equal(composed with { Id = stored.Id, Composition = stored.Composition }, stored);
        Assert.Equal(composed.Composition.Since, stored.Composition.Since);
        Assert.Equal(composed.Composition.New, stored.Composition.New);
        Assert.Equal(
            (IssueStatus.Approved, Now, "redacteur", "goedgekeurd"),
            (approved!.Status, approved.ApprovedAt, approved.ApprovedBy, approved.Note));
        Assert.Equal(
            (IssueStatus.Cancelled, Now.AddHours(1), Now, "redacteur", (string?)null, (DateTimeOffset?)null),
            (cancelled!.Status, cancelled.CancelledAt, cancelled.ApprovedAt, cancelled.ApprovedBy, cancelled.Note, cancelled.SentAt));
        // A month's issue is the one that is not cancelled: this month has none.
        Assert.Null(byMonth);
        Assert.Equal(cancelled with { Composition = byId.Composition }, byId);
        Assert.Null(await Issues.GetAsync(stored.Id + 1000, CancellationToken.None));
        Assert.Null(await Issues.GetAsync(new DateOnly(2027, 1, 1), CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_month_is_composed_anew_and_keeps_its_cancelled_issue()
    {
        var month = new DateOnly(2026, 12, 1);
        var (cancelled, _) = await Issues.AddOnceAsync(NewsletterDatabase.Issue(month, "faq-leersteun"), CancellationToken.None);
        await Issues.TransitionAsync(cancelled.Id, [IssueStatus.Composed], IssueStatus.Cancelled, null, null, CancellationToken.None);

        var (again, created) = await Issues.AddOnceAsync(NewsletterDatabase.Issue(month, "fiche-verslag"), CancellationToken.None);
        var (third, createdThird) = await Issues.AddOnceAsync(NewsletterDatabase.Issue(month, "leidraad-lsc"), CancellationToken.None);
        var approved = await Issues.TransitionAsync(
            again.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur", null, CancellationToken.None);

        Assert.True(created);
        Assert.NotEqual(cancelled.Id, again.Id);
        Assert.Equal((again.Id, false), (third.Id, createdThird));
        Assert.Equal(IssueStatus.Approved, approved!.Status);
        Assert.Equal(again.Id, (await Issues.GetAsync(month, CancellationToken.None))!.Id);
        Assert.Equal(
            [(again.Id, IssueStatus.Approved), (cancelled.Id, IssueStatus.Cancelled)],
            (await Issues.ListAsync()).Select(i => (i.Id, i.Status)));
    }

    [Fact]
    public async Task Editors_list_issues_newest_first_before_a_month_and_by_status()
    {
        foreach (var month in new[] { 9, 10, 11, 12 })
            await Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, month, 1)), CancellationToken.None);
        var october = (await Issues.GetAsync(new DateOnly(2026, 10, 1), CancellationToken.None))!;
        await Issues.TransitionAsync(october.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur", null, CancellationToken.None);

        Assert.Equal([12, 11, 10, 9], (await Issues.ListAsync()).Select(i => i.Month.Month));
        Assert.Equal([10, 9], (await Issues.ListAsync(before: new DateOnly(2026, 11, 1))).Select(i => i.Month.Month));
        Assert.Equal([12, 11], (await Issues.ListAsync(limit: 2)).Select(i => i.Month.Month));
        Assert.Equal([10], (await Issues.ListAsync(status: IssueStatus.Approved)).Select(i => i.Month.Month));
        Assert.Equal(
            [9], (await Issues.ListAsync(before: new DateOnly(2026, 11, 1), status: IssueStatus.Composed)).Select(i => i.Month.Month));
    }

    [Fact]
    public async Task The_intro_changes_until_the_issue_is_sent()
    {
        var (issue, _) = await Issues.AddOnceAsync(NewsletterDatabase.Issue(new DateOnly(2026, 12, 1)), CancellationToken.None);

        var edited = await Issues.EditIntroAsync(issue.Id, "Nieuwe intro.", CancellationToken.None);
        await Issues.TransitionAsync(issue.Id, [IssueStatus.Composed], IssueStatus.Sending, null, null, CancellationToken.None);
        var tooLate = await Issues.EditIntroAsync(issue.Id, "Te laat.", CancellationToken.None);

        Assert.Equal("Nieuwe intro.", edited!.IntroMarkdown);
        Assert.Null(tooLate);
        Assert.Equal("Nieuwe intro.", (await Issues.GetAsync(issue.Id, CancellationToken.None))!.IntroMarkdown);
    }
}
