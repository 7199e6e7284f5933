using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Reach.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Reach;

public sealed class ReachTrackingTests : HostFixture
{
    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]", "Over leersteun.");
        Folder.WriteMaterial("medisch", "title: Medische fiche\ntype: fiche\nroles: [arts]", "Over medicatie.");
        return Task.CompletedTask;
    }

    private Task<long> CountAsync(string sql, string? connectionString = null) =>
        TestPostgres.ScalarAsync(connectionString ?? App.ConnectionString, sql);

    [Fact]
    public async Task Searches_and_the_views_that_follow_them_are_recorded_with_role_centre_and_position()
    {
        var client = await App.ClientFor(["arts"], "brussel");

        using var search = JsonDocument.Parse(await client.GetStringAsync("/api/search?q=Wie+vraagt+LEERSTEUN+aan"));
        var searchId = search.RootElement.GetProperty("searchId").GetString();
        var hit = search.RootElement.GetProperty("hits")[0];
        var anchor = hit.GetProperty("questions")[0].GetProperty("anchor").GetString();
        var response = await client.GetAsync(
            $"/api/materials/{hit.GetProperty("slug").GetString()}?source=search&searchId={searchId}"
            + $"&position={hit.GetProperty("position").GetInt32()}&anchor={anchor}");
        await client.GetAsync("/api/materials/fiche-leersteun?source=related");
        await client.GetAsync("/api/search?q=leersteun&page=2");
        await client.GetAsync("/api/search");
        // The same search with another filter and sort refines it: not a second search, the same id.
        using var refined = JsonDocument.Parse(
            await client.GetStringAsync($"/api/search?q=Wie+vraagt+LEERSTEUN+aan&type=faq&sort=updated&refines={searchId}"));
        Assert.Equal(searchId, refined.RootElement.GetProperty("searchId").GetString());
        var someoneElses = await (await App.ClientFor(["arts"], "brussel")).GetAsync($"/api/search?q=leersteun&refines={searchId}");
        Assert.Equal(HttpStatusCode.BadRequest, someoneElses.StatusCode);
        Assert.Contains("refines", await someoneElses.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Stored in order: once a later search is in, a refined search recorded by mistake would be too.
        await client.GetAsync("/api/search?q=zoekterm-als-merkteken");
        await App.WaitForCountAsync("SELECT count(*) FROM searches WHERE query = 'zoekterm-als-merkteken'", 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 2);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM searches WHERE query <> 'zoekterm-als-merkteken'"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM searches WHERE query = 'wie vraagt leersteun aan' AND result_count > 0 AND centre = 'brussel' "
            + $"AND roles @> ARRAY['arts', 'clb-medewerker'] AND id = '{searchId}'"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM material_views WHERE material_slug = 'faq-leersteun' AND faq_anchor = 'wie-vraagt-leersteun-aan' "
            + $"AND source = 'search' AND search_id = '{searchId}' AND result_position = 1 AND counted"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM material_views WHERE material_slug = 'fiche-leersteun' AND source = 'related'"));
        // The viewer is a keyed hash, not the token's subject.
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM viewers WHERE pseudonym LIKE 'dev-%'"));
    }

    [Fact]
    public async Task Unknown_and_invisible_materials_are_not_recorded_and_bad_sources_are_400()
    {
        var client = await App.ClientFor(["clb-medewerker"]);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/materials/bestaat-niet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/materials/medisch")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/materials/fiche-leersteun?source=tiktok")).StatusCode);
        Assert.Equal(
            HttpStatusCode.BadRequest, (await client.GetAsync("/api/materials/fiche-leersteun?source=search&position=0")).StatusCode);
        await client.GetAsync("/api/materials/fiche-leersteun");

        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 1);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM material_views WHERE material_slug <> 'fiche-leersteun'"));
    }

    [Fact]
    public async Task A_graceful_shutdown_writes_every_buffered_event()
    {
        var client = await App.ClientFor(["clb-medewerker"]);
        var writer = App.Services.GetRequiredService<ReachEventWriter>();
        var recorder = App.Services.GetRequiredService<ReachRecorder>();

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => client.GetAsync("/api/materials/fiche-leersteun")));
        await App.DisposeAsync();

        Assert.Equal(0, recorder.Dropped);
        Assert.Equal(200, await CountAsync("SELECT count(*) FROM material_views"));
        Assert.True(writer.Written >= 200);
    }

    [Fact]
    public async Task Events_buffered_while_the_database_restarts_are_written_after_it()
    {
        await using var own = await EmbeddedPostgresCluster.StartAsync(Path.Combine(Folder.Root, "own-postgres"));
        await using var app = new PocMaterialsApp(
            Folder, settings: new Dictionary<string, string?> { ["Postgres:ConnectionString"] = own.ConnectionString() });
        var client = await app.ClientFor(["clb-medewerker"]);
        await client.GetAsync("/api/materials/fiche-leersteun");

        var restart = own.RestartAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        await Task.Delay(300);
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/faq-leersteun")).StatusCode);
        await restart;

        await Eventually.TrueAsync(async () => await CountAsync("SELECT count(*) FROM material_views", own.ConnectionString()) >= 21,
            "the buffered views were not written", seconds: 20);
        Assert.Equal(21, await CountAsync("SELECT count(*) FROM material_views", own.ConnectionString()));
        Assert.Equal(0, app.Services.GetRequiredService<ReachRecorder>().Dropped);
    }

    [Theory]
    [InlineData("/api/reports/views")]
    [InlineData("/api/reports/reach/centres")]
    [InlineData("/api/reports/reach/roles")]
    [InlineData("/api/reports/searches")]
    [InlineData("/api/reports/content-health")]
    [InlineData("/api/reports/views.svg")]
    public async Task Reports_are_for_editors_only(string url)
    {
        var staff = await App.ClientFor(["clb-medewerker", "directeur", "arts"]);
        var editor = await App.ClientFor(["redacteur"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("from=2025-02-30", "from")]
    [InlineData("from=2025-06-01&to=2025-01-01", "to")]
    [InlineData("format=xml", "format")]
    public async Task Malformed_or_reversed_report_periods_are_400_problems(string query, string parameter)
    {
        var editor = await App.ClientFor(["redacteur"]);

        var response = await editor.GetAsync("/api/reports/views?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task Reports_through_the_api_count_views_and_come_as_json_csv_and_svg_without_pseudonyms()
    {
        var staff = await App.ClientFor(["clb-medewerker"], "gent");
        var editor = await App.ClientFor(["redacteur"]);
        await staff.GetAsync("/api/materials/fiche-leersteun");
        await staff.GetAsync("/api/materials/fiche-leersteun");
        await (await App.ClientFor(["arts"], "brussel")).GetAsync("/api/materials/fiche-leersteun");
        await App.WaitForCountAsync("SELECT count(*) FROM material_views", 3);

        using var json = JsonDocument.Parse(await editor.GetStringAsync("/api/reports/views"));
        var csv = await editor.GetAsync("/api/reports/reach/centres?format=csv");
        var svg = XDocument.Parse(await editor.GetStringAsync("/api/reports/views.svg"));
        var everything = string.Concat(await Task.WhenAll(new[] { "views", "reach/centres", "reach/roles", "searches", "content-health" }
            .Select(r => editor.GetStringAsync($"/api/reports/{r}"))));

        var fiche = json.RootElement.GetProperty("materials")[0];
        Assert.Equal(
            ("fiche-leersteun", 2, 2),
            (fiche.GetProperty("slug").GetString(), fiche.GetProperty("views").GetInt32(), fiche.GetProperty("uniqueViewers").GetInt32()));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,label,views,unique_viewers,reached", lines[0]);
        Assert.Contains("gent,GO! CLB Gent,1,1,yes", lines);
        Assert.Contains("brussel,GO! CLB Brussel,1,1,yes", lines);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        await using var pseudonyms = new NpgsqlCommand("SELECT pseudonym FROM viewers", connection);
        await using var reader = await pseudonyms.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Assert.DoesNotContain(reader.GetString(0), everything, StringComparison.Ordinal);
    }
}
