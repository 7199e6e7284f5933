using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;
using static PocMaterials.Reach.Tests.ReachDatabase;
using PocMaterials.Testing;

namespace PocMaterials.Reach.Tests;

public sealed class ReachReportsTests : IAsyncLifetime
{
    private static readonly ReportPeriod SchoolYear = new(new DateOnly(2024, 9, 1), new DateOnly(2025, 8, 31));
    private readonly ReachDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task School_year_boundaries_are_midnight_in_Brussels()
    {
        var an = Viewer("an");
        await _db.Store.WriteAsync(
        [
            View("fiche-intake", Utc(2024, 8, 31, 21, 30), an),  // 31 Aug 23:30 in Brussels (UTC+2): the year before
            // 1 Sep 00:30 in Brussels: this school year, September
            View("fiche-intake", Utc(2024, 8, 31, 22, 30), Viewer("bo")),
            View("fiche-intake", Utc(2025, 8, 31, 21, 59), Viewer("cas")),  // 31 Aug 23:59 in Brussels: still this year, August
            View("fiche-intake", Utc(2025, 8, 31, 22, 0), Viewer("dirk")),  // 1 Sep 00:00: the next year
            View("fiche-intake", Utc(2024, 12, 31, 23, 30), Viewer("els")),  // 1 Jan 00:30 in Brussels (UTC+1): January
        ], default);

        var report = await _db.Reports.MaterialViewsAsync(SchoolYear, _db.Snapshot, default);

        var fiche = Assert.Single(report.Materials);
        Assert.Equal(("Fiche intake", 3, 3), (fiche.Title, fiche.Views, fiche.UniqueViewers));
        Assert.Equal([new DateOnly(2024, 9, 1), new DateOnly(2025, 1, 1), new DateOnly(2025, 8, 1)], fiche.Months.Select(m => m.Month));
        Assert.Equal(
            new ReportPeriod(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)),
            ReportPeriod.SchoolYearOf(new DateOnly(2026, 11, 24)));
        Assert.Equal(
            new ReportPeriod(new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31)),
            ReportPeriod.SchoolYearOf(new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public async Task Reach_per_centre_and_role_lists_every_configured_one_and_the_ones_not_reached()
    {
        await _db.Store.WriteAsync(
        [
            View("fiche-intake", Utc(2024, 10, 1, 8), Viewer("an", "gent", "clb-medewerker", "arts")),
            View("fiche-intake", Utc(2024, 10, 1, 9), Viewer("bo", "gent")),
            View("leidraad-hgd", Utc(2024, 10, 2, 9), Viewer("bo", "gent")),
        ], default);

        var centres = await _db.Reports.CentresAsync(SchoolYear, _db.Snapshot, default);
        var roles = await _db.Reports.RolesAsync(SchoolYear, _db.Snapshot, default);

        Assert.Equal([("gent", 3, 2), ("brussel", 0, 0)], centres.Groups.Select(g => (g.Id, g.Views, g.UniqueViewers)));
        Assert.Equal(["brussel"], centres.NotReached.Select(g => g.Id));
        Assert.Equal((3, 2), roles.Groups.Where(g => g.Id == "clb-medewerker").Select(g => (g.Views, g.UniqueViewers)).Single());
        Assert.Equal((1, 1), roles.Groups.Where(g => g.Id == "arts").Select(g => (g.Views, g.UniqueViewers)).Single());
        Assert.Equal(["directeur", "redacteur", "verpleegkundige"], roles.NotReached.Select(g => g.Id).Order());
    }

    [Fact]
    public async Task Search_report_shows_top_zero_result_and_unopened_queries_and_clicks_by_position()
    {
        var an = Viewer("an");
        Guid opened = Guid.NewGuid(), unopened = Guid.NewGuid();
        await _db.Store.WriteAsync(
        [
            SearchEvent("hgd intake", Utc(2024, 10, 1, 8), an, 4, opened),
            SearchEvent("hgd intake", Utc(2024, 10, 1, 9), an, 4, unopened),
            SearchEvent("huisonderwijs", Utc(2024, 10, 1, 10), an, 0),
            SearchEvent("huisonderwijs", Utc(2024, 10, 2, 10), Viewer("bo"), 0),
            SearchEvent("leersteun", Utc(2024, 10, 3, 10), an, 7),
            View("leidraad-hgd", Utc(2024, 10, 1, 8, 1), an, ViewSource.Search, opened, 1),
            View("fiche-intake", Utc(2024, 10, 1, 8, 2), an, ViewSource.Search, opened, 3),
        ], default);

        var report = await _db.Reports.SearchesAsync(SchoolYear, 10, default);

        Assert.Equal((5, 1, 0.2), (report.Searches, report.SearchesFollowedByAView, report.ClickThroughRate));
        Assert.Equal([("hgd intake", 2), ("huisonderwijs", 2), ("leersteun", 1)], report.TopQueries.Select(q => (q.Query, q.Searches)));
        Assert.Equal([("huisonderwijs", 2)], report.ZeroResultQueries.Select(q => (q.Query, q.Searches)));
        Assert.Equal([("hgd intake", 1), ("leersteun", 1)], report.UnopenedQueries.Select(q => (q.Query, q.Searches)));
        Assert.Equal([(1, 1), (3, 1)], report.ClicksByPosition.Select(c => (c.Position, c.Views)));
    }

    [Fact]
    public async Task Content_health_lists_never_viewed_and_past_review_by_views()
    {
        await _db.Store.WriteAsync(
        [
            View("leidraad-hgd", Utc(2024, 10, 1, 8), Viewer("an")),
            View("leidraad-hgd", Utc(2024, 10, 1, 9), Viewer("bo")),
            View("faq-leersteun", Utc(2024, 10, 1, 9), Viewer("bo")),
        ], default);

        var report = await _db.Reports.ContentHealthAsync(
            SchoolYear, _db.Snapshot, new DateOnly(2025, 6, 1), new Dictionary<string, int>(), default);

        Assert.Equal(["fiche-intake", "nooit-bekeken"], report.NeverViewed.Select(m => m.Slug).Order());
        Assert.Equal([("leidraad-hgd", 2), ("faq-leersteun", 1)], report.PastReview.Select(m => (m.Slug, m.Views)));
    }

    [Fact]
    public async Task The_review_queue_puts_materials_staff_voted_outdated_first_then_those_past_review_by_views()
    {
        await _db.Store.WriteAsync(
        [
            View("leidraad-hgd", Utc(2024, 10, 1, 8), Viewer("an")),
            View("leidraad-hgd", Utc(2024, 10, 1, 9), Viewer("bo")),
        ], default);
        var outdated = new Dictionary<string, int> { ["fiche-intake"] = 1, ["faq-leersteun"] = 2 };

        var report = await _db.Reports.ContentHealthAsync(SchoolYear, _db.Snapshot, new DateOnly(2025, 6, 1), outdated, default);

        Assert.Equal([("faq-leersteun", 2, true), ("fiche-intake", 1, false), ("leidraad-hgd", 0, true)],
            report.ReviewQueue.Select(m => (m.Slug, m.OutdatedVotes, m.DueForReview)));
        Assert.Equal(["leidraad-hgd", "faq-leersteun"], report.PastReview.Select(m => m.Slug));
    }

    [Fact]
    public async Task Retention_moves_old_months_into_aggregates_that_reports_still_count()
    {
        await _db.Store.WriteAsync(
        [
            View("fiche-intake", Utc(2024, 10, 1, 8), Viewer("an")),
            View("fiche-intake", Utc(2024, 10, 3, 8), Viewer("bo")),
            View("fiche-intake", Utc(2026, 10, 3, 8), Viewer("bo")),
            SearchEvent("oud", Utc(2024, 10, 1, 8), Viewer("an"), 1),
        ], default);
        var calendar = new Content.Visibility.StaffCalendar(new TestClock(Utc(2026, 11, 24, 12)));
        var retention = new RawEventRetention(
            _db.Database,
            Microsoft.Extensions.Options.Options.Create(new ReachOptions { RawRetentionMonths = 12 }),
            calendar,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<RawEventRetention>.Instance);

        var deleted = await retention.ApplyAsync(default);

        Assert.Equal(3, deleted);
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views"));
        var old = await _db.Reports.MaterialViewsAsync(SchoolYear, _db.Snapshot, default);
        Assert.Equal((2, 2), old.Materials.Select(m => (m.Views, m.UniqueViewers)).Single());
        Assert.Equal([new DateOnly(2024, 10, 1)], old.Materials.Single().Months.Select(m => m.Month));
        var centres = await _db.Reports.CentresAsync(SchoolYear, _db.Snapshot, default);
        Assert.Equal(2, centres.Groups.Single(g => g.Id == "gent").Views);
    }
}
