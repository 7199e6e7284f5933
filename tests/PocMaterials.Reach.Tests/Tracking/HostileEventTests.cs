using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;
using PocMaterials.Testing;
using static PocMaterials.Reach.Tests.ReachDatabase;

namespace PocMaterials.Reach.Tests.Tracking;

/// <summary>Events a hostile or broken client can make, against the real store and writer.</summary>
public sealed class HostileEventTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportPeriod SchoolYear = new(new DateOnly(2025, 9, 1), new DateOnly(2026, 8, 31));
    private readonly ReachDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Control_characters_are_stripped_from_everything_recorded()
    {
        var viewer = new Viewer("an", ["arts\0", "clb-medewerker"], "gent\u001b[31m");
        var filters = new Dictionary<string, IReadOnlyList<string>> { ["theme\0"] = ["hgd\0", "a\tb"] };

        await _db.Store.WriteAsync(
        [
            new SearchMade(Guid.NewGuid(), T0, viewer, "evil\0", filters, 0),
            new MaterialViewed(Guid.NewGuid(), T0, viewer, "fiche-intake", "vraag\0\r\n", ViewSource.Direct, null, null),
            new SearchMade(Guid.NewGuid(), T0, viewer, "half \uD800 surrogaat", filters, 0),
        ], default);

        Assert.Equal(1, await _db.ScalarAsync("""
            SELECT count(*) FROM searches
            WHERE query = 'evil' AND filters = '{"theme": ["hgd", "a b"]}'
              AND roles = ARRAY['arts', 'clb-medewerker'] AND centre = 'gent[31m'
            """));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM searches WHERE query = 'half \uFFFD surrogaat'"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE faq_anchor = 'vraag  ' AND centre = 'gent[31m'"));
    }

    [Fact]
    public void Normalised_queries_have_no_control_characters_and_single_spaces()
    {
        Assert.Equal("evil query", SearchMade.Normalise(" Evil\0\t\u0085QUERY\u001f "));
    }

    [Fact]
    public async Task A_role_with_a_comma_stays_one_role_and_counts_for_no_configured_role()
    {
        await _db.Store.WriteAsync(
        [
            View("fiche-intake", T0, Viewer("an", "gent", "arts,directeur")),
            View("fiche-intake", T0, Viewer("bo", "gent", "arts", "directeur")),
            View("fiche-intake", T0, new Viewer("cas", [], "gent")),
            SearchEvent("hgd", T0, Viewer("an", "gent", "arts,directeur"), 1),
        ], default);

        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE roles = ARRAY['arts,directeur']"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE roles = ARRAY['arts', 'directeur']"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE roles = '{}'"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM searches WHERE roles = ARRAY['arts,directeur']"));
        var roles = await _db.Reports.RolesAsync(SchoolYear, _db.Snapshot, default);
        Assert.Equal(1, roles.Groups.Single(g => g.Id == "arts").Views);
        Assert.Equal(1, roles.Groups.Single(g => g.Id == "directeur").Views);
    }

    [Fact]
    public async Task A_batch_refused_for_one_event_is_written_event_by_event_and_only_that_one_is_lost()
    {
        var logs = new LogCollector();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(logs));
        var options = Options.Create(new ReachOptions());
        var recorder = new ReachRecorder(options, loggers.CreateLogger<ReachRecorder>(), TimeProvider.System);
        using var writer = new ReachEventWriter(recorder, _db.Store, options, loggers.CreateLogger<ReachEventWriter>());
        // A source the table's CHECK does not allow: the database refuses this event for its data (SQLSTATE 23514).
        var refused = View("fiche-intake", T0.AddMinutes(1), Viewer("bo"), (ViewSource)99);
        ReachEvent[] good =
        [
            SearchEvent("hgd", T0, Viewer("an"), 2),
            View("faq-leersteun", T0, Viewer("an")),
            View("faq-leersteun", T0.AddMinutes(5), Viewer("an")),
            View("leidraad-hgd", T0.AddMinutes(2), Viewer("cas")),
        ];

        foreach (var reachEvent in good.Take(2).Append(refused).Concat(good.Skip(2)))
            recorder.Record(reachEvent);
        await writer.StartAsync(default);
        await writer.StopAsync(default);

        Assert.Equal(4, writer.Written);
        Assert.Equal(1, recorder.Dropped);
        Assert.Equal(3, await _db.ScalarAsync("SELECT count(*) FROM material_views"));
        Assert.Equal(1, await _db.ScalarAsync("SELECT count(*) FROM searches"));
        // The 30-minute rule still holds when events are written one by one.
        Assert.Equal(2, await _db.ScalarAsync("SELECT count(*) FROM material_views WHERE counted"));
        var dropped = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(refused.Id, dropped.Value("EventId"));
    }
}
