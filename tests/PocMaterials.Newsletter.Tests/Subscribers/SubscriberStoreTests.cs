using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Newsletter.Tests.Subscribers;

/// <summary>Imports, unsubscriptions and the sender's stream against the real PostgreSQL.</summary>
public sealed class SubscriberStoreTests : IAsyncLifetime
{
    private const string Header = "email,name,roles,centre\n";
    private readonly SubscriberDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_good_file_creates_its_subscribers()
    {
        var counts = await _db.ImportValidAsync(Header + "jan@example.org,Jan Peeters,arts,gent\nan@example.org,An Smet,,\n");

        Assert.Equal(new ImportCounts(2, 0, 0, 0), counts);
        var active = await _db.Store.StreamActiveAsync().ToListAsync();
        Assert.Equal(["jan@example.org", "an@example.org"], active.Select(s => s.Email));
        Assert.Equal(["arts", "clb-medewerker"], active[0].Roles);
        Assert.Equal(("Jan Peeters", "gent"), (active[0].Name, active[0].Centre));
        Assert.Null(active[1].Centre);
    }

    [Fact]
    public async Task A_file_with_errors_writes_nothing()
    {
        var result = await _db.ImportAsync(Header + "jan@example.org,Jan,,gent\nfout,Piet,,gent\nan@example.org,,,\n");

        var rejected = Assert.IsType<SubscriberImportResult.Rejected>(result);
        Assert.Equal([3, 4], rejected.Errors.Select(e => e.Line));
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM newsletter_subscribers"));
    }

    [Fact]
    public async Task A_re_import_updates_by_address_whatever_its_case_without_duplicates()
    {
        await _db.ImportValidAsync(Header + "Jan.Peeters@Example.org,Jan,arts,gent\nan@example.org,An,,\nels@example.org,Els,,\n");

        var counts = await _db.ImportValidAsync(
            Header + "jan.peeters@example.org,Jan Peeters,arts|directeur,brussel\nan@example.org,An,,\nnieuw@example.org,Nieuw,,\n");

        Assert.Equal(new ImportCounts(Created: 1, Updated: 1, Unchanged: 1, SkippedUnsubscribed: 0), counts);
        Assert.Equal(4, await _db.ScalarAsync("SELECT count(*) FROM newsletter_subscribers"));
        var jan = (await _db.Store.StreamActiveAsync().ToListAsync())[0];
        Assert.Equal(("jan.peeters@example.org", "Jan Peeters", "brussel"), (jan.Email, jan.Name, jan.Centre));
        Assert.Equal(["arts", "clb-medewerker", "directeur"], jan.Roles);
    }

    [Fact]
    public async Task An_import_never_resubscribes_nor_changes_someone_who_unsubscribed()
    {
        await _db.ImportValidAsync(Header + "jan@example.org,Jan,,gent\n");
        var jan = (await _db.Store.StreamActiveAsync().ToListAsync())[0];
        var at = await _db.Store.UnsubscribeAsync(jan.Id, CancellationToken.None);

        var counts = await _db.ImportValidAsync(Header + "JAN@example.org,Jan Peeters,arts,brussel\n");

        Assert.Equal(new ImportCounts(0, 0, 0, SkippedUnsubscribed: 1), counts);
        Assert.Empty(await _db.Store.StreamActiveAsync().ToListAsync());
        var after = (await _db.Store.GetAsync(jan.Id, CancellationToken.None))!;
        Assert.Equal((jan.Email, jan.Name, jan.Centre, at), (after.Email, after.Name, after.Centre, after.UnsubscribedAt));
        Assert.Equal(jan.Roles, after.Roles);
    }

    [Fact]
    public async Task Unsubscribing_twice_keeps_the_first_moment_and_an_unknown_id_is_null()
    {
        await _db.ImportValidAsync(Header + "jan@example.org,Jan,,gent\n");
        var id = (await _db.Store.StreamActiveAsync().ToListAsync())[0].Id;

        var first = await _db.Store.UnsubscribeAsync(id, CancellationToken.None);
        var second = await _db.Store.UnsubscribeAsync(id, CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(first, (await _db.Store.GetAsync(id, CancellationToken.None))!.UnsubscribedAt);
        Assert.Null(await _db.Store.UnsubscribeAsync(id + 1000, CancellationToken.None));
        Assert.Null(await _db.Store.GetAsync(id + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task The_sender_streams_active_subscribers_by_id_in_batches_and_resumes_after_an_id()
    {
        var csv = string.Concat(Enumerable.Range(1, 25).Select(i => $"p{i}@example.org,P {i},,\n"));
        await _db.ImportValidAsync(Header + csv);
        var all = await _db.Store.StreamActiveAsync(batchSize: 4).ToListAsync();
        foreach (var gone in all.Where((_, i) => i % 5 == 0))
            await _db.Store.UnsubscribeAsync(gone.Id, CancellationToken.None);

        var active = await _db.Store.StreamActiveAsync(batchSize: 4).ToListAsync();
        var resumed = await _db.Store.StreamActiveAsync(afterId: active[9].Id, batchSize: 3).ToListAsync();

        Assert.Equal(25, all.Count);
        Assert.Equal(all.Select(s => s.Id).Order(), all.Select(s => s.Id));
        Assert.Equal(all.Where((_, i) => i % 5 != 0).Select(s => s.Email), active.Select(s => s.Email));
        Assert.Equal(active.Skip(10).Select(s => s.Id), resumed.Select(s => s.Id));
    }

    [Fact]
    public async Task Editors_list_everyone_or_who_unsubscribed_latest_first()
    {
        await _db.ImportValidAsync(Header + "a@example.org,A,,\nb@example.org,B,,\nc@example.org,C,,\n");
        var ids = (await _db.Store.StreamActiveAsync().ToListAsync()).Select(s => s.Id).ToList();
        await _db.Store.UnsubscribeAsync(ids[2], CancellationToken.None);
        await _db.Store.UnsubscribeAsync(ids[0], CancellationToken.None);

        var unsubscribed = await _db.Store.ListAsync(true, 1, 10, CancellationToken.None);
        var active = await _db.Store.ListAsync(false, 1, 10, CancellationToken.None);
        var secondPage = await _db.Store.ListAsync(null, 2, 2, CancellationToken.None);

        Assert.Equal(2, unsubscribed.Total);
        Assert.Equal(["a@example.org", "c@example.org"], unsubscribed.Subscribers.Select(s => s.Email));
        Assert.All(unsubscribed.Subscribers, s => Assert.NotNull(s.UnsubscribedAt));
        Assert.Equal(["b@example.org"], active.Subscribers.Select(s => s.Email));
        Assert.Equal((3L, 1), (secondPage.Total, secondPage.Subscribers.Count));
        Assert.Equal("c@example.org", secondPage.Subscribers[0].Email);
    }
}
