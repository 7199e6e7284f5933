using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;
using static PocMaterials.Web.Tests.Publishing.ContentRequests;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// The definitions (taxonomy, themes) edited like materials, and search aliases made from a query, through the real host.
/// </summary>
[Collection(ContentPublishingHost.Name)]
public sealed class DefinitionEditingTests(SharedHost host)
{
    [Fact]
    public async Task Definitions_are_edited_like_materials_and_a_change_that_breaks_a_material_is_refused()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var taxonomy = await editor.GetAsync("/api/taxonomy/source");
        var text = await taxonomy.Content.ReadAsStringAsync();

        // Without the type 'fiche', every fiche would break: refused, naming them, and nothing written.
        var withoutFiche = text.Replace("  - id: fiche\n    label: Fiche\n", "", StringComparison.Ordinal);
        Assert.NotEqual(text, withoutFiche);
        var refused = await Put(editor, "/api/taxonomy", withoutFiche, taxonomy.Headers.ETag, "text/yaml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("content/materials/fiche-a.md", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(text, await editor.GetStringAsync("/api/taxonomy/source"));
        Assert.Equal(
            HttpStatusCode.PreconditionFailed,
            (await Put(editor, "/api/taxonomy", text, new EntityTagHeaderValue("\"stale\""), "text/yaml")).StatusCode);

        var theme = "---\ntitle: Schoolverzuim\naliases: [spijbelen]\ncontact: an-jacobs\n---\nAlles over verzuim.\n";
        Assert.Equal(HttpStatusCode.Created, (await Put(editor, "/api/themes/schoolverzuim", theme, null, "text/markdown")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/themes/schoolverzuim")).StatusCode);
        var badTheme = await Put(editor, "/api/themes/kapot", "---\ntitle: Kapot\ncontact: niemand\n---\n", null, "text/markdown");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTheme.StatusCode);
        Assert.Contains("contact", await badTheme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var inUse = await editor.DeleteAsync("/api/themes/decreet-leersteun");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inUse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/themes/schoolverzuim")).StatusCode);
        Assert.Equal(
            ["removed", "created"],
            (await editor.GetFromJsonAsync<JsonElement>("/api/themes/schoolverzuim/versions"))
                .EnumerateArray()
                .Select(v => v.GetProperty("summary").GetString()));

        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put(staff, "/api/contacts", "[]", null, "text/yaml")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/newsletter/calendar/source")).StatusCode);
    }

    [Fact]
    public async Task A_query_without_results_becomes_an_alias_and_the_answer_says_what_it_finds_now()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(0, (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=ondersteuningsmodel")).GetProperty("total").GetInt32());

        var response = await editor.PostAsJsonAsync(
            "/api/reports/searches/aliases", new { query = "ondersteuningsmodel", target = "decreet-leersteun" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("materials").GetInt32() >= SharedHost.Fiches.Length);
        Assert.Equal(
            body.GetProperty("materials").GetInt32(),
            (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=ondersteuningsmodel")).GetProperty("total").GetInt32());
        Assert.Contains(
            "aliases: [leersteun, ondersteuningsmodel]\n", await editor.GetStringAsync("/api/themes/decreet-leersteun/source"),
            StringComparison.Ordinal);

        var glossary = await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "steuncentrum", target = "lsc" });
        Assert.Equal(HttpStatusCode.Created, glossary.StatusCode);
        Assert.Contains("aliases: [LSC, steuncentrum]", await editor.GetStringAsync("/api/taxonomy/source"), StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "x", target = "bestaat-niet" })).StatusCode);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "LSC", target = "lsc" })).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await staff.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "x", target = "lsc" })).StatusCode);
    }
}
