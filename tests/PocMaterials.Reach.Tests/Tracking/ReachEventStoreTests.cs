using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Tracking;
using static PocMaterials.Reach.Tests.ReachDatabase;

namespace PocMaterials.Reach.Tests.Tracking;

public sealed class ReachEventStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly ReachDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_view_within_30_minutes_of_the_previous_one_by_the_same_viewer_counts_once()
    {
        var an = Viewer("an");
        var bo = Viewer("bo");
        // Same batch: 0 and 10 minutes; later batches: 35 (25 after the one at 10: not counted), 70 (35 after 35: counted).
        await _db.Store.WriteAsync(
        [
            View("faq-leersteun", T0, an),
            View("faq-leersteun", T0.AddMinutes(10), an),
            View("faq-leersteun", T0.AddMinutes(5), bo),
        ], default);
        await _db.Store.WriteAsync([View("faq-leersteun", T0.AddMinutes(35), an)], default);
        await _db.Store.WriteAsync([View("faq-leersteun", T0.AddMinutes(70), an), View("fiche-intake", T0.AddMinutes(71), an)], default);

        Assert.Equal(6, await _db.ScalarAsync("SELECT count(*) FROM material_views"));
        Assert.Equal(4, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE counted"));
        var report = await _db.Reports.MaterialViewsAsync(
            new Reports.ReportPeriod(new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31)), _db.Snapshot, default);
        var faq = report.Materials.Single(m => m.Slug == "faq-leersteun");
        Assert.Equal((3, 2), (faq.Views, faq.UniqueViewers));
    }

    [Fact]
    public async Task Writing_a_batch_again_stores_nothing_twice()
    {
        IReadOnlyList<ReachEvent> batch = [SearchEvent("hgd intake", T0, Viewer("an"), 3), View("fiche-intake", T0, Viewer("an"))];

        await _db.Store.WriteAsync(batch, default);
        await _db.Store.WriteAsync(batch, default);

        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM searches"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM viewers"));
    }

    [Fact]
    public async Task Daily_figures_count_the_days_of_the_configured_zone()
    {
        // 23:30 UTC on 24 November is already 25 November in Brussels.
        var lateEvening = new DateTimeOffset(2025, 11, 24, 23, 30, 0, TimeSpan.Zero);
        var utc = new ReachEventStore(_db.Database, new StaffCalendar(TimeProvider.System, TimeZoneInfo.Utc));

        await _db.Store.WriteAsync([View("faq-leersteun", lateEvening, Viewer("an"))], default);
        await utc.WriteAsync([View("fiche-intake", lateEvening, Viewer("an"))], default);

        Assert.Equal(1, await _db.ScalarAsync(
            "SELECT count(*) FROM daily_reach WHERE dimension = 'material' AND key = 'faq-leersteun' AND day = '2025-11-25'"));
        Assert.Equal(1, await _db.ScalarAsync(
            "SELECT count(*) FROM daily_reach WHERE dimension = 'material' AND key = 'fiche-intake' AND day = '2025-11-24'"));
    }

    [Fact]
    public void Queries_are_normalised()
    {
        Assert.Equal("hgd intake", SearchMade.Normalise("  HGD   Intake "));
    }
}
