using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PocMaterials.Persistence;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Web.Tests.Reach;

/// <summary>What a hostile or broken client can send to reach tracking, through the real API.</summary>
public sealed class HostileTrackingTests(SharedHost host) : IClassFixture<SharedHost>
{
    private PocMaterialsApp App => host.App;

    [Fact]
    public async Task A_NUL_byte_in_a_search_is_stripped_and_loses_no_other_staffs_events()
    {
        var evil = await App.ClientFor(["clb-medewerker"]);
        var other = await App.ClientFor(["arts"], "brussel");

        var response = await evil.GetAsync("/api/search?q=evil%00");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => other.GetAsync("/api/materials/fiche-a")));
        await other.GetAsync("/api/search?q=nul+leersteun");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await App.WaitForCountAsync("SELECT count(*) FROM searches WHERE query IN ('evil', 'nul leersteun')", 2);
        Assert.Equal(20, await App.CountAsync("SELECT count(*) FROM material_views WHERE material_slug = 'fiche-a'"));
        Assert.Equal(0, App.Services.GetRequiredService<ReachRecorder>().Dropped);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1001")]
    [InlineData("2147483647")]
    public async Task A_position_outside_the_result_window_is_a_400_naming_position(string position)
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        var searchId = await SearchIdAsync(client);

        var response = await client.GetAsync($"/api/materials/fiche-b?source=search&searchId={searchId}&position={position}");

        await AssertProblemNamesAsync(response, "position");
    }

    [Fact]
    public async Task A_position_at_the_end_of_the_result_window_is_recorded()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        var searchId = await SearchIdAsync(client);

        var response = await client.GetAsync($"/api/materials/fiche-c?source=Search&searchId={searchId}&position=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await App.WaitForCountAsync(
            "SELECT count(*) FROM material_views WHERE material_slug = 'fiche-c' AND source = 'search' "
            + $"AND search_id = '{searchId}' AND result_position = 1000", 1);
    }

    [Fact]
    public async Task A_search_id_is_accepted_only_from_a_search_of_the_same_viewer()
    {
        var an = await App.ClientFor(["clb-medewerker"]);
        var bo = await App.ClientFor(["clb-medewerker"]);
        var ansSearch = await SearchIdAsync(an);

        await AssertProblemNamesAsync(
            await an.GetAsync($"/api/materials/fiche-d?source=search&searchId={Guid.NewGuid()}&position=1"), "searchId");
        await AssertProblemNamesAsync(
            await an.GetAsync($"/api/materials/fiche-d?source=search&searchId={Guid.CreateVersion7()}&position=1"), "searchId");
        await AssertProblemNamesAsync(
            await bo.GetAsync($"/api/materials/fiche-d?source=search&searchId={ansSearch}&position=1"), "searchId");
        Assert.Equal(
            HttpStatusCode.OK, (await an.GetAsync($"/api/materials/fiche-d?source=search&searchId={ansSearch}&position=1")).StatusCode);

        await App.WaitForCountAsync("SELECT count(*) FROM material_views WHERE material_slug = 'fiche-d'", 1);
        Assert.Equal(1, await App.CountAsync(
            $"SELECT count(*) FROM material_views WHERE material_slug = 'fiche-d' AND search_id = '{ansSearch}'"));
    }

    [Theory]
    [InlineData("source=search,related")]
    [InlineData("source=search&source=related")]
    [InlineData("source=3")]
    [InlineData("source=")]
    [InlineData("source=tiktok")]
    public async Task Anything_but_exactly_one_known_source_is_a_400_naming_source(string query)
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        await AssertProblemNamesAsync(await client.GetAsync("/api/materials/fiche-e?" + query), "source");
    }

    [Theory]
    [InlineData("source=related&position=2", "position")]
    [InlineData("position=2", "position")]
    [InlineData("source=newsletter&searchId=0196a8a0-0000-7000-8000-000000000000", "searchId")]
    public async Task Search_parameters_without_source_search_are_a_400_naming_them(string query, string parameter)
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        await AssertProblemNamesAsync(await client.GetAsync("/api/materials/fiche-e?" + query), parameter);
    }

    [Fact]
    public async Task Known_sources_are_read_in_any_case_and_stored_as_they_are()
    {
        var client = await App.ClientFor(["verpleegkundige"]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/fiche-e?source=NEWSLETTER")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/fiche-e?source=Related")).StatusCode);

        await App.WaitForCountAsync("SELECT count(*) FROM material_views WHERE material_slug = 'fiche-e'", 2);
        Assert.Equal(2, await App.CountAsync(
            "SELECT count(*) FROM material_views WHERE material_slug = 'fiche-e' AND source IN ('newsletter', 'related')"));
    }

    [Fact]
    public async Task Shutdown_while_the_database_is_down_ends_by_the_flush_deadline_and_counts_and_logs_what_it_drops()
    {
        using var folder = SharedHost.NewFolder();
        await using var own = await EmbeddedPostgresCluster.StartAsync(Path.Combine(folder.Root, "own-postgres"));
        await using var app = new PocMaterialsApp(folder, settings: new Dictionary<string, string?>
        {
            ["Postgres:ConnectionString"] = own.ConnectionString(),
            ["Reach:ShutdownFlushSeconds"] = "2",
        });
        var client = await app.ClientFor(["clb-medewerker"]);
        var writer = app.Services.GetRequiredService<ReachEventWriter>();
        var recorder = app.Services.GetRequiredService<ReachRecorder>();

        await own.DisposeAsync();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/faq-leersteun")).StatusCode);
        var stopping = Stopwatch.StartNew();
        await app.DisposeAsync();

        Assert.InRange(stopping.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(0, writer.Written);
        Assert.Equal(5, recorder.Dropped);
        var warning = Assert.Single(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Value("Unwritten") is not null);
        Assert.Equal(5, warning.Value("Unwritten"));
    }

    private static async Task<string> SearchIdAsync(HttpClient client)
    {
        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=leersteun"));
        return search.RootElement.GetProperty("searchId").GetString()!;
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string parameter)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(parameter, out _),
            $"No error for {parameter}: {problem.RootElement}");
    }
}
