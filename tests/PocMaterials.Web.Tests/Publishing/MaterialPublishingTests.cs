using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>Editors publish through the API, with the same validation as files on disk and ETags against lost updates.</summary>
public sealed class MaterialPublishingTests : HostFixture
{
    private const string Fiche = "---\ntitle: Fiche schoolverzuim\ntype: fiche\nthemes: [decreet-leersteun]\n---\nOver spijbelen en schoolverzuim.\n";
    private HttpClient _editor = null!;
    private HttpClient _staff = null!;

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("bestaand", "title: Bestaande fiche\ntype: fiche", "Over leersteun.", folder: "fiches");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        _editor = await App.ClientFor(["redacteur"]);
        _staff = await App.ClientFor(["clb-medewerker", "directeur"]);
    }

    [Fact]
    public async Task Only_editors_publish()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.PutAsync("/api/materials/nieuw", Markdown(Fiche))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.DeleteAsync("/api/materials/bestaand")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.GetAsync("/api/materials/bestaand/source")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().PutAsync("/api/materials/nieuw", Markdown(Fiche))).StatusCode);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "nieuw.md")));
    }

    [Fact]
    public async Task A_created_material_is_stored_as_written_and_found_by_search_soon_after()
    {
        var created = await _editor.PutAsync("/api/materials/fiche-schoolverzuim", Markdown(Fiche));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull(created.Headers.ETag);
        var source = await _editor.GetAsync("/api/materials/fiche-schoolverzuim/source");
        Assert.Equal(Fiche, await source.Content.ReadAsStringAsync());
        Assert.Equal(created.Headers.ETag, source.Headers.ETag);
        await WaitForSearchAsync("schoolverzuim", "fiche-schoolverzuim", present: true);
    }

    [Fact]
    public async Task A_material_from_fields_is_written_in_the_content_format()
    {
        var response = await _editor.PutAsJsonAsync("/api/materials/fiche-uit-velden", new
        {
            fields = new { title = "Fiche uit velden: een test", type = "fiche", roles = new[] { "arts" }, published = "2026-01-05" },
            body = "## Inleiding\nTekst over huisbezoeken.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = File.ReadAllText(Path.Combine(Folder.ContentPath, "materials", "fiche-uit-velden.md"));
        Assert.StartsWith("---\ntitle: 'Fiche uit velden: een test'\ntype: fiche\nroles:\n- arts\npublished: 2026-01-05\n---\n## Inleiding", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_material_is_a_422_listing_every_error_and_nothing_is_written()
    {
        var response = await _editor.PutAsync("/api/materials/ongeldig", Markdown("---\ntype: brochure\nroles: [piloot]\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("required", errors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("brochure", errors.GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("piloot", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "ongeldig.md")));
    }

    [Fact]
    public async Task A_control_character_in_a_front_matter_field_is_a_422_naming_the_field_and_line()
    {
        // "\0" is a valid YAML escape: the field holds a NUL, which PostgreSQL refuses in every table webhooks and versions use.
        var response = await _editor.PutAsync("/api/materials/stuurteken", Markdown("---\ntitle: \"Fiche \\0\"\ntype: fiche\nsummary: \"Een\\u0007bel.\"\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(["content/materials/stuurteken.md line 2: holds the control character U+0000; remove it"], errors["title"]);
        Assert.Equal(["content/materials/stuurteken.md line 4: holds the control character U+0007; remove it"], errors["summary"]);
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "stuurteken.md")));
    }

    [Fact]
    public async Task A_NUL_in_the_body_is_a_422_naming_the_body_and_its_line()
    {
        var response = await _editor.PutAsync("/api/materials/nul-in-tekst", Markdown("---\ntitle: Fiche met NUL\ntype: fiche\n---\n\nEerste regel.\nTweede\0regel.\n"));

        var fromFields = await _editor.PutAsJsonAsync("/api/materials/nul-in-velden", new { fields = new { title = "Fiche met NUL", type = "fiche" }, body = "Eerste regel.\nTweede\0regel." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = Assert.Single((await ErrorsAsync(response))["body"]);
        Assert.StartsWith("content/materials/nul-in-tekst.md line 7: holds a NUL character", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fromFields.StatusCode);
        Assert.StartsWith("content/materials/nul-in-velden.md line 6: holds a NUL character", Assert.Single((await ErrorsAsync(fromFields))["body"]), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Folder.ContentPath, "nul-in-*.md", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Fields_over_their_limits_are_a_422_naming_each_field_and_its_limit()
    {
        var long_ = await _editor.PutAsync("/api/materials/te-lang", Markdown(
            $"---\ntitle: {new string('t', 900_000)}\ntype: fiche\nsummary: {new string('s', 501)}\ntags: [goed, {new string('x', 51)}]\n---\nTekst.\n"));
        var many = await _editor.PutAsync("/api/materials/te-veel", Markdown(
            $"---\ntitle: Veel tags\ntype: fiche\ntags: [{string.Join(", ", Enumerable.Range(0, 100_000).Select(i => $"t{i}"))}]\n---\nTekst.\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, long_.StatusCode);
        var errors = await ErrorsAsync(long_);
        Assert.Equal(["content/materials/te-lang.md line 2: is 900,000 characters long; at most 200 are allowed"], errors["title"]);
        Assert.Equal(["content/materials/te-lang.md line 4: is 501 characters long; at most 500 are allowed"], errors["summary"]);
        Assert.Equal(["content/materials/te-lang.md line 5: is 51 characters long; at most 50 are allowed"], errors["tags"]);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, many.StatusCode);
        Assert.Equal(["content/materials/te-veel.md line 4: has 100,000 items; at most 30 are allowed"], (await ErrorsAsync(many))["tags"]);
        Assert.Empty(Directory.GetFiles(Folder.ContentPath, "te-*.md", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Writes_name_the_version_they_replace_and_a_stale_one_changes_nothing()
    {
        var read = await _editor.GetAsync("/api/materials/bestaand/source");
        var etag = read.Headers.ETag!;
        var edited = (await read.Content.ReadAsStringAsync()).Replace("Over leersteun.", "Over leersteun en verzuim.", StringComparison.Ordinal);

        var withoutVersion = await _editor.PutAsync("/api/materials/bestaand", Markdown(edited));
        var first = await Put("bestaand", edited, etag);
        var second = await Put("bestaand", edited.Replace("verzuim", "spijbelen", StringComparison.Ordinal), etag);

        Assert.Equal(HttpStatusCode.Conflict, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Contains("verzuim", File.ReadAllText(Path.Combine(Folder.ContentPath, "materials", "fiches", "bestaand.md")), StringComparison.Ordinal);
        Assert.NotEqual(etag, first.Headers.ETag);
    }

    [Fact]
    public async Task Concurrent_writes_of_one_version_give_one_success_and_one_412()
    {
        await _editor.PutAsync("/api/materials/gedeeld", Markdown(Fiche));
        var etag = (await _editor.GetAsync("/api/materials/gedeeld/source")).Headers.ETag!;

        var results = await Task.WhenAll(Put("gedeeld", Fiche.Replace("spijbelen", "A", StringComparison.Ordinal), etag), Put("gedeeld", Fiche.Replace("spijbelen", "B", StringComparison.Ordinal), etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task A_deleted_material_is_gone_from_search()
    {
        await _editor.PutAsync("/api/materials/weg-ermee", Markdown(Fiche.Replace("schoolverzuim", "tijdelijkheid", StringComparison.Ordinal)));
        await WaitForSearchAsync("tijdelijkheid", "weg-ermee", present: true);

        using var stale = new HttpRequestMessage(HttpMethod.Delete, "/api/materials/weg-ermee");
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _editor.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _editor.DeleteAsync("/api/materials/weg-ermee")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _editor.DeleteAsync("/api/materials/weg-ermee")).StatusCode);
        await WaitForSearchAsync("tijdelijkheid", "weg-ermee", present: false);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_with_who_what_when_where_and_the_answer()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        await _editor.PutAsync("/api/materials/gelogd", Markdown(Fiche));
        await _editor.PutAsync("/api/materials/gelogd", Markdown(Fiche));
        await _editor.DeleteAsync("/api/materials/gelogd");
        await _editor.GetAsync("/api/materials/bestaand/source");

        var log = await _editor.GetFromJsonAsync<JsonElement>("/api/audit");
        var entries = log.EnumerateArray().Where(e => e.GetProperty("target").GetString() == "/api/materials/gelogd").Reverse().ToList();

        Assert.Equal(
            ["PUT /api/materials/{slug} 201", "PUT /api/materials/{slug} 409", "DELETE /api/materials/{slug} 204"],
            entries.Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("status").GetInt32()}"));
        Assert.All(entries, e => Assert.StartsWith("dev-", e.GetProperty("actor").GetString(), StringComparison.Ordinal));
        Assert.All(entries, e => Assert.True(e.GetProperty("occurredAt").GetDateTimeOffset() > started));
        Assert.DoesNotContain(log.EnumerateArray(), e => e.GetProperty("target").GetString()!.EndsWith("/source", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await _staff.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task Refused_changes_are_audited_too_with_control_characters_taken_out_of_the_target()
    {
        await _staff.PutAsync("/api/materials/geweigerd-staff", Markdown(Fiche));
        await App.CreateClient().DeleteAsync("/api/materials/geweigerd-anoniem");
        var forged = await _editor.PutAsync("/api/materials/geweigerd%01%1B%5B2J%0Anep", Markdown(Fiche));

        var log = (await _editor.GetFromJsonAsync<JsonElement>("/api/audit?limit=50")).EnumerateArray().ToList();
        string Entry(string target) => log.Where(e => e.GetProperty("target").GetString() == target)
            .Select(e => $"{e.GetProperty("actor").GetString()} {e.GetProperty("action").GetString()} {e.GetProperty("status").GetInt32()}").Single();

        Assert.Matches("^dev-.+ PUT /api/materials/\\{slug} 403$", Entry("/api/materials/geweigerd-staff"));
        Assert.Equal("(anonymous) DELETE /api/materials/{slug} 401", Entry("/api/materials/geweigerd-anoniem"));
        Assert.Equal($"{(int)forged.StatusCode}", Entry("/api/materials/geweigerd[2J nep").Split(' ')[^1]);
        Assert.DoesNotContain(log, e => e.GetProperty("target").GetString()!.Any(char.IsControl));
    }

    [Theory]
    [InlineData("..%2F..%2Ftaxonomy")]
    [InlineData("Hoofdletters")]
    [InlineData("met%20spatie")]
    [InlineData("-rand")]
    [InlineData("a.md")]
    public async Task A_slug_that_is_no_plain_name_is_refused(string slug)
    {
        var response = await _editor.PutAsync($"/api/materials/{slug}", Markdown(Fiche));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{(int)response.StatusCode}");
        Assert.Equal(["bestaand.md"], Directory.GetFiles(Folder.ContentPath, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("con")]
    [InlineData("nul")]
    [InlineData("aux")]
    [InlineData("com1")]
    public async Task A_Windows_device_name_is_neither_a_slug_nor_a_theme_id(string name)
    {
        var put = await _editor.PutAsync($"/api/materials/{name}", Markdown(Fiche));
        var rename = await _editor.PostAsJsonAsync("/api/materials/bestaand/rename", new { slug = name });
        var theme = await _editor.PutAsync($"/api/themes/{name}", Markdown("---\ntitle: Apparaat\n---\nInleiding.\n"));

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("device name", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, rename.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, theme.StatusCode);
        Assert.Equal(["bestaand.md"], Directory.GetFiles(Folder.ContentPath, "*.md", SearchOption.AllDirectories).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(Folder.ThemesPath, name + ".md")));
    }

    [Fact]
    public async Task Too_large_and_unknown_bodies_are_refused()
    {
        var large = await _editor.PutAsync("/api/materials/te-groot", Markdown(Fiche + new string('x', 3 * 1024 * 1024)));
        var binary = await _editor.PutAsync("/api/materials/binair", new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);
    }

    private async Task<HttpResponseMessage> Put(string slug, string text, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}") { Content = Markdown(text) };
        request.Headers.IfMatch.Add(etag);
        return await _editor.SendAsync(request);
    }

    private Task WaitForSearchAsync(string query, string slug, bool present) =>
        Eventually.TrueAsync(async () => (await _staff.GetStringAsync($"/api/search?q={query}")).Contains($"\"{slug}\"", StringComparison.Ordinal) == present,
            $"search did not follow the change of {slug}", seconds: 5);

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");
}
