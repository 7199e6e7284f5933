using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// Two hosts behind one load balancer, as the README describes: one content folder and one PostgreSQL
/// shared, an index and a data folder each. Both hosts run in this process, each on its own folder lock.
/// </summary>
public sealed class TwoHostTests : IAsyncLifetime
{
    private readonly ContentFolder _folder = SharedHost.NewFolder();
    private PocMaterialsApp _first = null!;
    private PocMaterialsApp _second = null!;

    public Task InitializeAsync()
    {
        _first = new PocMaterialsApp(_folder);
        _second = new PocMaterialsApp(_folder, settings: new Dictionary<string, string?>
        {
            ["Data:DataPath"] = Path.Combine(_folder.Root, "data-second"),
            ["Postgres:ConnectionString"] = _first.ConnectionString,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_change_through_one_host_is_found_on_the_other()
    {
        var editor = await _first.ClientFor(["redacteur"]);
        var staff = await _second.ClientFor(["clb-medewerker"]);

        var created = await editor.PutAsync(
            "/api/materials/fiche-twee-hosts", Markdown("Fiche tweelingverzuim", "Over tweelingen en verzuim."));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await Eventually.TrueAsync(async () => (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=tweelingverzuim"))
            .GetProperty("hits").EnumerateArray().Any(h => h.GetProperty("slug").GetString() == "fiche-twee-hosts"),
            "the change through the first host was not found on the second", seconds: 10);
    }

    [Fact]
    public async Task Two_editors_writing_one_version_through_two_hosts_get_one_success_and_one_precondition_failed()
    {
        var first = await _first.ClientFor(["redacteur"]);
        var second = await _second.ClientFor(["redacteur"]);
        var created = await first.PutAsync("/api/materials/fiche-gedeeld", Markdown("Fiche gedeeld", "Versie 1."));
        var etag = created.Headers.ETag!;

        for (var round = 2; round < 8; round++)
        {
            var answers = await Task.WhenAll(
                Put(first, "/api/materials/fiche-gedeeld", Markdown("Fiche gedeeld", $"Versie {round} van redacteur A."), etag),
                Put(second, "/api/materials/fiche-gedeeld", Markdown("Fiche gedeeld", $"Versie {round} van redacteur B."), etag));

            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.PreconditionFailed);
            var winner = answers.Single(a => a.StatusCode == HttpStatusCode.OK);
            var stored = await second.GetAsync("/api/materials/fiche-gedeeld/source");
            Assert.Equal(winner.Headers.ETag, stored.Headers.ETag);
            etag = winner.Headers.ETag!;
        }
        var versions = await first.GetFromJsonAsync<JsonElement>("/api/materials/fiche-gedeeld/versions");
        Assert.Equal(7, versions.GetArrayLength());
    }

    [Fact]
    public async Task A_graceful_shutdown_of_one_host_logs_no_failure_and_the_other_keeps_serving()
    {
        var staff = await _first.ClientFor(["clb-medewerker"]);
        await (await _second.ClientFor(["clb-medewerker"])).GetAsync("/api/search?q=leersteun");

        await _second.DisposeAsync();

        Assert.DoesNotContain(_second.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/search?q=leersteun")).StatusCode);
    }

    private static StringContent Markdown(string title, string body) =>
        new($"---\ntitle: {title}\ntype: fiche\nthemes: [decreet-leersteun]\n---\n{body}\n", Encoding.UTF8, "text/markdown");

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, HttpContent content, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = content };
        request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}

/// <summary>A scheduled material appears on its day while the server runs: no restart, no reload.</summary>
public sealed class ScheduledPublicationTests() : HostFixture(SharedHost.NewFolder())
{
    private readonly MovableClock _clock = new();

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(_clock);

    protected override Task PrepareAsync()
    {
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, PocMaterials.Content.Visibility.StaffCalendar.Brussels);
        var tomorrow = DateOnly.FromDateTime(now.DateTime).AddDays(1);
        Folder.WriteMaterial(
            "fiche-morgen", $"title: Fiche morgenverzuim\ntype: fiche\npublished: {tomorrow:yyyy-MM-dd}", "Verschijnt morgen.");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_scheduled_material_becomes_visible_when_its_day_starts_in_Brussels()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/materials/fiche-morgen")).StatusCode);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=morgenverzuim")).GetProperty("total").GetInt32());

        _clock.Offset = TimeSpan.FromDays(1);

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/materials/fiche-morgen")).StatusCode);
        Assert.Equal(1, (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=morgenverzuim")).GetProperty("total").GetInt32());
    }

    /// <summary>The real clock, moved forward by the test.</summary>
    private sealed class MovableClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
