using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Editors publish through the API, found by search soon after, with ETags against lost updates and every change audited.
/// </summary>
public sealed class MaterialPublishingTests : MaterialPublishingHost
{
    [Fact]
    public async Task Only_editors_publish()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.PutAsync("/api/materials/nieuw", Markdown(Fiche))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.DeleteAsync("/api/materials/bestaand")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/materials/bestaand/source")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PutAsync("/api/materials/nieuw", Markdown(Fiche))).StatusCode);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "nieuw.md")));
    }

    [Fact]
    public async Task A_created_material_is_stored_as_written_and_found_by_search_soon_after()
    {
        var created = await Editor.PutAsync("/api/materials/fiche-schoolverzuim", Markdown(Fiche));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var source = await Editor.GetAsync("/api/materials/fiche-schoolverzuim/source");
        Assert.Equal(Fiche, await source.Content.ReadAsStringAsync());
        Assert.Equal(created.Headers.ETag, source.Headers.ETag);
        await WaitForSearchAsync("schoolverzuim", "fiche-schoolverzuim", present: true);
    }

    [Fact]
    public async Task A_material_from_fields_is_written_in_the_content_format()
    {
        var response = await Editor.PutAsJsonAsync("/api/materials/fiche-uit-velden", new
        {
            fields = new { title = "Fiche uit velden: een test", type = "fiche", roles = new[] { "arts" }, published = "2026-01-05" },
            body = "## Inleiding\nTekst over huisbezoeken.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = File.ReadAllText(Path.Combine(Folder.ContentPath, "materials", "fiche-uit-velden.md"));
        Assert.StartsWith(
            "---\ntitle: \"Fiche uit velden: een test\"\ntype: fiche\nroles: [arts]\npublished: 2026-01-05\n---\n\n## Inleiding",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_name_the_version_they_replace_and_a_stale_one_changes_nothing()
    {
        var read = await Editor.GetAsync("/api/materials/bestaand/source");
        var etag = read.Headers.ETag!;
        var edited = (await read.Content.ReadAsStringAsync())
            .Replace("Over leersteun.", "Over leersteun en verzuim.", StringComparison.Ordinal);

        var withoutVersion = await Editor.PutAsync("/api/materials/bestaand", Markdown(edited));
        var first = await Put("bestaand", edited, etag);
        var second = await Put("bestaand", edited.Replace("verzuim", "spijbelen", StringComparison.Ordinal), etag);

        Assert.Equal(HttpStatusCode.Conflict, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Contains(
            "verzuim", File.ReadAllText(Path.Combine(Folder.ContentPath, "materials", "fiches", "bestaand.md")), StringComparison.Ordinal);
        Assert.NotEqual(etag, first.Headers.ETag);
    }

    [Fact]
    public async Task Concurrent_writes_of_one_version_give_one_success_and_one_412()
    {
        await Editor.PutAsync("/api/materials/gedeeld", Markdown(Fiche));
        var etag = (await Editor.GetAsync("/api/materials/gedeeld/source")).Headers.ETag!;

        var results = await Task.WhenAll(
            Put("gedeeld", Fiche.Replace("spijbelen", "A", StringComparison.Ordinal), etag),
            Put("gedeeld", Fiche.Replace("spijbelen", "B", StringComparison.Ordinal), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task A_deleted_material_is_gone_from_search()
    {
        await Editor.PutAsync(
            "/api/materials/weg-ermee", Markdown(Fiche.Replace("schoolverzuim", "tijdelijkheid", StringComparison.Ordinal)));
        await WaitForSearchAsync("tijdelijkheid", "weg-ermee", present: true);

        using var stale = new HttpRequestMessage(HttpMethod.Delete, "/api/materials/weg-ermee");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Editor.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync("/api/materials/weg-ermee")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.DeleteAsync("/api/materials/weg-ermee")).StatusCode);
        await WaitForSearchAsync("tijdelijkheid", "weg-ermee", present: false);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_with_who_what_when_where_and_the_answer()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        await Editor.PutAsync("/api/materials/gelogd", Markdown(Fiche));
        await Editor.PutAsync("/api/materials/gelogd", Markdown(Fiche));
        await Editor.DeleteAsync("/api/materials/gelogd");
        await Editor.GetAsync("/api/materials/bestaand/source");

        var log = await Editor.GetFromJsonAsync<JsonElement>("/api/audit");
        var entries = log.EnumerateArray().Where(e => e.GetProperty("target").GetString() == "/api/materials/gelogd").Reverse().ToList();

        Assert.Equal(
            ["PUT /api/materials/{slug} 201", "PUT /api/materials/{slug} 409", "DELETE /api/materials/{slug} 204"],
            entries.Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("status").GetInt32()}"));
        Assert.All(entries, e => Assert.StartsWith("dev-", e.GetProperty("actor").GetString(), StringComparison.Ordinal));
        Assert.All(entries, e => Assert.True(e.GetProperty("occurredAt").GetDateTimeOffset() > started));
        Assert.DoesNotContain(
            log.EnumerateArray(), e => e.GetProperty("target").GetString()!.EndsWith("/source", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Refused_changes_are_audited_too_with_control_characters_taken_out_of_the_target()
    {
        await Staff.PutAsync("/api/materials/geweigerd-staff", Markdown(Fiche));
        await App.CreateClient().DeleteAsync("/api/materials/geweigerd-anoniem");
        var forged = await Editor.PutAsync("/api/materials/geweigerd%01%1B%5B2J%0Anep", Markdown(Fiche));

        var log = (await Editor.GetFromJsonAsync<JsonElement>("/api/audit?limit=50")).EnumerateArray().ToList();
        string Entry(string target) => log.Where(e => e.GetProperty("target").GetString() == target)
            .Select(e => $"{e.GetProperty("actor").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("status").GetInt32()}")
            .Single();

        Assert.Matches("^dev-.+ PUT /api/materials/\\{slug} 403$", Entry("/api/materials/geweigerd-staff"));
        Assert.Equal("(anonymous) DELETE /api/materials/{slug} 401", Entry("/api/materials/geweigerd-anoniem"));
        Assert.Equal($"{(int)forged.StatusCode}", Entry("/api/materials/geweigerd[2J nep").Split(' ')[^1]);
        Assert.DoesNotContain(log, e => e.GetProperty("target").GetString()!.Any(char.IsControl));
    }

    private async Task<HttpResponseMessage> Put(string slug, string text, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}") { Content = Markdown(text) };
        request.Headers.IfMatch.Add(etag);
        return await Editor.SendAsync(request);
    }

    private Task WaitForSearchAsync(string query, string slug, bool present) =>
        Eventually.TrueAsync(
            async () => (await Staff.GetStringAsync($"/api/search?q={query}")).Contains($"\"{slug}\"", StringComparison.Ordinal) == present,
            $"search did not follow the change of {slug}", seconds: 5);
}
