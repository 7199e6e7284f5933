using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Tests.Composition;

public sealed class IssueComposerTests(NewsletterDatabase db) : IClassFixture<NewsletterDatabase>
{
    private static readonly DateOnly Today = NewsletterDatabase.Today;

    [Fact]
    public async Task The_planned_theme_is_featured_with_its_materials_grouped_as_new_updated_and_most_viewed()
    {
        db.Content.Write("content/newsletter.yml", "2026-12: decreet-leersteun\n");
        db.Reload();
        await db.ViewsAsync("leidraad-lsc", Today.AddDays(-20), 7);

        var issue = (await db.Composer.ComposeAsync(new DateOnly(2026, 12, 1), db.Snapshot, Today, CancellationToken.None))!;

        Assert.Equal(new Feature(FeatureKind.Theme, "decreet-leersteun"), issue.Feature);
        Assert.Equal("Gepland in newsletter.yml.", issue.FeatureReason);
        Assert.StartsWith("Het decreet leersteun.", issue.IntroMarkdown, StringComparison.Ordinal);
        // No issue before: new and updated count from the month before.
        Assert.Equal(new DateOnly(2026, 11, 1), issue.Composition.Since);
        Assert.Equal(["medisch-leersteun", "faq-leersteun"], issue.Composition.New);
        Assert.Equal(["fiche-verslag"], issue.Composition.Updated);
        Assert.Equal(["leidraad-lsc"], issue.Composition.MostViewed);
        Assert.DoesNotContain("ontwerp-leersteun", issue.Composition.AllSlugs);
        Assert.DoesNotContain("gepland-leersteun", issue.Composition.AllSlugs);
    }

    [Fact]
    public async Task The_months_most_viewed_materials_come_from_reach_tracking()
    {
        await db.ViewsAsync("beroepsgeheim-fiche", new DateOnly(2026, 12, 3), 40);
        await db.ViewsAsync("arts-fiche", new DateOnly(2026, 12, 20), 30);
        await db.ViewsAsync("leidraad-lsc", new DateOnly(2026, 12, 31), 20);
        await db.ViewsAsync("faq-leersteun", new DateOnly(2027, 1, 1), 99); // the next month: not counted

        var issue = (await db.Composer.ComposeAsync(
            new DateOnly(2027, 1, 1), db.Snapshot, new DateOnly(2027, 1, 4), CancellationToken.None))!;

        Assert.Equal(["beroepsgeheim-fiche", "arts-fiche", "leidraad-lsc"], issue.Composition.TopOfMonth.Take(3));
    }

    [Fact]
    public async Task Composing_a_month_twice_gives_the_same_issue()
    {
        var month = new DateOnly(2030, 3, 1);
        var first = (await db.Composer.ComposeAsync(month, db.Snapshot, Today, CancellationToken.None))!;
        var (stored, created) = await db.Issues.AddOnceAsync(first, CancellationToken.None);
        var second = (await db.Composer.ComposeAsync(month, db.Snapshot, Today, CancellationToken.None))!;
        var (again, createdAgain) = await db.Issues.AddOnceAsync(second with { IntroMarkdown = "anders" }, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(stored.Id, again.Id);
        Assert.Equal(stored.IntroMarkdown, again.IntroMarkdown);
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM newsletter_issues WHERE month = $1", month));
    }

    [Fact]
    public async Task Status_changes_are_conditional()
    {
        var composed = (await db.Composer.ComposeAsync(new DateOnly(2031, 5, 1), db.Snapshot, Today, CancellationToken.None))!;
        var (issue, _) = await db.Issues.AddOnceAsync(composed, CancellationToken.None);

        var approved = await db.Issues.TransitionAsync(
            issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur-1", null, CancellationToken.None);
        var twice = await db.Issues.TransitionAsync(
            issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur-2", null, CancellationToken.None);

        Assert.Equal(("redacteur-1", IssueStatus.Approved), (approved!.ApprovedBy, approved.Status));
        Assert.Null(twice);
    }
}
