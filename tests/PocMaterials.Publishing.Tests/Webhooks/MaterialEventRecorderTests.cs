using Microsoft.Extensions.Logging;
using PocMaterials.Content.Library;
using PocMaterials.Publishing.Webhooks;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests.Webhooks;

/// <summary>
/// Events from content changes, against the real database and real files: a schedule passing at midnight
/// in Brussels, hosts that see changes at different moments, changes made while no host ran.
/// </summary>
public sealed class MaterialEventRecorderTests : IAsyncLifetime
{
    private readonly WebhookDatabase _db = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _db.Store.CreateAsync(
            "http://127.0.0.1:9/hooks",
            ["material.published", "material.updated", "material.unpublished", "material.removed"],
            ["clb-medewerker"],
            null,
            "test",
            CancellationToken.None);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_scheduled_material_is_published_when_its_day_comes_in_Brussels_without_a_file_change()
    {
        _db.Clock.Now = new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero); // 23:30 in Brussels
        Fiche("gepland", "published: 2026-11-28");
        using var library = _db.Library();
        var recorder = _db.Recorder();
        await recorder.ReconcileAsync(library.Current, datesOnly: false, CancellationToken.None);
        await recorder.ReconcileAsync(library.Current, datesOnly: true, CancellationToken.None);
        Assert.Empty(await _db.DeliveriesAsync());

        // 23:30 UTC is 00:30 on the 28th in Brussels.
        _db.Clock.Now = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero);
        var recorded = await recorder.ReconcileAsync(library.Current, datesOnly: true, CancellationToken.None);

        Assert.Single(recorded);
        Assert.Equal(["material.published gepland"], await _db.DeliveriesAsync());
        Assert.Empty(await recorder.ReconcileAsync(library.Current, datesOnly: true, CancellationToken.None));
    }

    [Fact]
    public async Task A_host_that_lags_behind_announces_nothing_stale_and_hosts_announce_each_change_once()
    {
        Fiche("fiche", "summary: Versie A.");
        using var first = _db.Library();
        using var second = _db.Library();
        var (firstRecorder, secondRecorder) = (_db.Recorder(), _db.Recorder());
        await firstRecorder.ReconcileAsync(first.Current, datesOnly: false, CancellationToken.None);

        Fiche("fiche", "summary: Versie B, iets langer.");
        var firstToB = Changed(first);
        var secondToB = Changed(second);
        Fiche("fiche", "summary: Versie C, nog wat langer dan B.");
        var firstToC = Changed(first);
        await firstRecorder.RecordChangeAsync(firstToB, CancellationToken.None);
        await firstRecorder.RecordChangeAsync(firstToC, CancellationToken.None);
        // The second host's reload from A to B comes late, after C was announced: announcing B now would undo C.
        await secondRecorder.RecordChangeAsync(secondToB, CancellationToken.None);
        await secondRecorder.RecordChangeAsync(Changed(second), CancellationToken.None);

        Assert.Equal(["material.published fiche", "material.updated fiche", "material.updated fiche"], await _db.DeliveriesAsync());
        Assert.Equal(1, await _db.CountAsync(
            "SELECT count(*) FROM webhook_material_states WHERE material->>'summary' = 'Versie C, nog wat langer dan B.'"));
    }

    [Fact]
    public async Task Changes_made_while_no_host_ran_are_announced_at_the_next_start()
    {
        Fiche("blijft", "summary: Eerst.");
        Fiche("verdwijnt", "summary: Weg straks.");
        Fiche("ontwerp", "status: draft");
        using (var before = _db.Library())
            await _db.Recorder().ReconcileAsync(before.Current, datesOnly: false, CancellationToken.None);
        Assert.Equal(["material.published blijft", "material.published verdwijnt"], (await _db.DeliveriesAsync()).Order());

        Fiche("blijft", "summary: Daarna, langer.");
        File.Delete(Path.Combine(_db.Content.ContentPath, "materials", "verdwijnt.md"));
        File.Delete(Path.Combine(_db.Content.ContentPath, "materials", "ontwerp.md"));
        using var after = _db.Library();
        await _db.Recorder().ReconcileAsync(after.Current, datesOnly: false, CancellationToken.None);

        Assert.Equal(["material.removed verdwijnt", "material.updated blijft"], (await _db.DeliveriesAsync()).Skip(2).Order());
        Assert.Empty(await _db.Recorder().ReconcileAsync(after.Current, datesOnly: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_material_the_database_refuses_is_left_out_and_the_others_are_announced()
    {
        Fiche("a-kapot", "summary: Straks met een NUL.");
        Fiche("b-goed", "summary: Gewoon.");
        using var library = _db.Library();
        var content = library.Current;
        // The parser refuses a NUL now; a material holding one stands for anything else PostgreSQL may refuse.
        var materials = content.Materials.ToDictionary();
        materials["a-kapot"] = materials["a-kapot"] with { Title = "Fiche\0" };
        var snapshot = new ContentSnapshot(content.Taxonomy, content.Contacts, content.Themes, materials, [], content.Version);

        var logs = new LogCollector();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(logs));

        var recorded = await _db.Recorder(logging.CreateLogger<MaterialEventRecorder>())
            .ReconcileAsync(snapshot, datesOnly: false, CancellationToken.None);

        Assert.Single(recorded);
        Assert.Equal(["material.published b-goed"], await _db.DeliveriesAsync());
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("a-kapot", error.Value("Slug"));
    }

    private void Fiche(string slug, string line) =>
        _db.Content.WriteMaterial(slug, $"title: Fiche {slug}\ntype: fiche\n{line}", "Tekst.");

    private static ContentChange Changed(ContentLibrary library)
    {
        var change = library.Reload();
        Assert.False(change.IsEmpty);
        return change;
    }
}
