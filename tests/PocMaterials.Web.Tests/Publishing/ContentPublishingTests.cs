using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>Versions, diff and restore, hand edits, rename with redirect, preview as a role, the definitions and search aliases, through the real host.</summary>
public sealed class ContentPublishingTests(SharedHost host) : IClassFixture<SharedHost>
{
    private static string Fiche(string title, string body = "Over schoolverzuim.", string extra = "") =>
        $"---\ntitle: {title}\ntype: fiche\nthemes: [decreet-leersteun]\n{extra}---\n{body}\n";

    [Fact]
    public async Task Every_change_is_a_version_that_editors_list_compare_and_restore()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var created = await editor.PutAsync("/api/materials/fiche-versies", Markdown(Fiche("Fiche versies")));
        var updated = await Put(editor, "/api/materials/fiche-versies", Fiche("Fiche versies", "Over schoolverzuim en spijbelen."), created.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var versions = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-versies/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.StartsWith("dev-", v.GetProperty("author").GetString(), StringComparison.Ordinal));
        Assert.Equal("changed the text", versions[0].GetProperty("summary").GetString());

        var diff = await editor.GetStringAsync("/api/materials/fiche-versies/diff?from=1&to=2");
        Assert.Contains("\n-Over schoolverzuim.\n+Over schoolverzuim en spijbelen.\n", diff, StringComparison.Ordinal);

        var restored = await editor.PostAsync("/api/materials/fiche-versies/versions/1/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(Fiche("Fiche versies"), await editor.GetStringAsync("/api/materials/fiche-versies/source"));
        Assert.Equal(Fiche("Fiche versies"), await editor.GetStringAsync("/api/materials/fiche-versies/versions/1"));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.PostAsync("/api/materials/fiche-versies/versions/9/restore", null)).StatusCode);

        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/materials/fiche-versies/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/materials/fiche-versies/versions/1/restore", null)).StatusCode);
    }

    [Fact]
    public async Task A_check_validates_as_a_save_would_and_renders_the_body_as_served_writing_nothing()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        const string audited = "SELECT count(*) FROM audit_log WHERE target LIKE '%fiche-gecontroleerd%'";
        var body = "## Afspraken\n\n| wie | wat |\n| --- | --- |\n| school | **meldt** |\n\n<script>alert(1)</script>";

        var valid = await (await editor.PostAsync("/api/materials/fiche-gecontroleerd/check", Markdown(Fiche("Fiche gecontroleerd", body)))).Content.ReadFromJsonAsync<JsonElement>();
        var invalid = await editor.PostAsync("/api/materials/fiche-gecontroleerd/check", Markdown(Fiche("Fiche gecontroleerd", body).Replace("type: fiche", "type: geen-type", StringComparison.Ordinal)));
        var checkedInvalid = await invalid.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(valid.GetProperty("valid").GetBoolean());
        var html = valid.GetProperty("html").GetString()!;
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>meldt</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.False(checkedInvalid.GetProperty("valid").GetBoolean());
        Assert.Contains("line 3", checkedInvalid.GetProperty("errors").GetProperty("type")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("<table>", checkedInvalid.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync("/api/materials/fiche-gecontroleerd/source")).StatusCode);
        // A check changes nothing, so it leaves no mark in the audit log.
        Assert.Equal(0, await host.App.CountAsync(audited));
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/materials/fiche-gecontroleerd/check", Markdown(Fiche("Fiche", body)))).StatusCode);
    }

    [Fact]
    public async Task A_check_of_another_media_type_is_refused_for_who_asks_before_what_is_sent()
    {
        static StringContent Json() => new("{\"title\": \"x\"}", Encoding.UTF8, "application/json");
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.CreateClient().PostAsync("/api/materials/fiche-json/check", Json())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/materials/fiche-json/check", Json())).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await editor.PostAsync("/api/materials/fiche-json/check", Json())).StatusCode);
    }

    [Fact]
    public async Task A_hand_edit_on_disk_is_recorded_as_a_version_by_the_file_system()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        await editor.PutAsync("/api/materials/fiche-handwerk", Markdown(Fiche("Fiche handwerk")));
        await File.WriteAllTextAsync(Path.Combine(host.Folder.ContentPath, "materials", "fiche-handwerk.md"), Fiche("Fiche handwerk", "Met de hand herschreven."));

        JsonElement versions = default;
        await Eventually.TrueAsync(async () =>
        {
            versions = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-handwerk/versions");
            return versions.GetArrayLength() == 2;
        }, () => $"the hand edit got no version: {versions}", seconds: 10);
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal("file system", versions[0].GetProperty("author").GetString());
        Assert.Equal("changed the text", versions[0].GetProperty("summary").GetString());
    }

    [Fact]
    public async Task A_renamed_material_answers_at_its_old_slug_with_a_redirect_and_is_found_under_the_new_one_as_soon_as_each_write_is_answered()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        await editor.PutAsync("/api/materials/fiche-oude-naam", Markdown(Fiche("Fiche hernoemd verzuim")));
        // Each write is served by this host when it is answered: no waiting for the file watcher.
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/materials/fiche-oude-naam")).StatusCode);

        var renamed = await editor.PostAsJsonAsync("/api/materials/fiche-oude-naam/rename", new { slug = "fiche-nieuwe-naam" });
        Assert.Equal(HttpStatusCode.Created, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/materials/fiche-nieuwe-naam")).StatusCode);
        var found = await staff.GetFromJsonAsync<JsonElement>("/api/search?q=hernoemd verzuim");
        Assert.Equal("fiche-nieuwe-naam", found.GetProperty("hits")[0].GetProperty("slug").GetString());

        using var noRedirects = host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirects.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;
        var old = await noRedirects.GetAsync("/api/materials/fiche-oude-naam?source=direct");
        Assert.Equal(HttpStatusCode.PermanentRedirect, old.StatusCode);
        Assert.Equal("/api/materials/fiche-nieuwe-naam?source=direct", old.Headers.Location!.OriginalString);
        Assert.Equal("renamed from fiche-oude-naam", (await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-nieuwe-naam/versions"))[0].GetProperty("summary").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync("/api/materials/fiche-nieuwe-naam/rename", new { slug = "faq-leersteun" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/materials/fiche-nieuwe-naam/rename", new { slug = "../etc" })).StatusCode);
    }

    [Fact]
    public async Task A_renamed_materials_attachments_answer_at_its_old_slug_with_a_redirect()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        await editor.PutAsync("/api/materials/fiche-bijlage-oud", Markdown(Fiche("Fiche met bijlage")));
        var attached = await editor.PutAsync("/api/materials/fiche-bijlage-oud/attachments/leidraad.pdf", new ByteArrayContent(SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/materials/fiche-bijlage-oud/rename", new { slug = "fiche-bijlage-nieuw" })).StatusCode);
        using var staff = host.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        staff.DefaultRequestHeaders.Authorization = (await host.App.ClientFor(["clb-medewerker"])).DefaultRequestHeaders.Authorization;

        var list = await staff.GetAsync("/api/materials/fiche-bijlage-oud/attachments");
        var file = await staff.GetAsync("/api/materials/fiche-bijlage-oud/attachments/leidraad.pdf?download=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, list.StatusCode);
        Assert.Equal("/api/materials/fiche-bijlage-nieuw/attachments", list.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, file.StatusCode);
        Assert.Equal("/api/materials/fiche-bijlage-nieuw/attachments/leidraad.pdf?download=1", file.Headers.Location!.OriginalString);
        Assert.Equal(SampleFiles.Pdf(), await staff.GetByteArrayAsync(file.Headers.Location));
    }

    [Fact]
    public async Task Editors_preview_a_material_as_a_chosen_role_sees_it()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        await editor.PutAsync("/api/materials/fiche-voor-artsen", Markdown(Fiche("Fiche voor artsen", extra: "roles: [arts]\n")));
        await editor.PutAsync("/api/materials/fiche-concept", Markdown(Fiche("Fiche concept", extra: "status: draft\n")));

        var asArts = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-voor-artsen/preview?role=arts");
        var asStaff = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-voor-artsen/preview?role=clb-medewerker");
        var draft = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-concept/preview?role=arts");

        Assert.True(asArts.GetProperty("visible").GetBoolean());
        Assert.False(asStaff.GetProperty("visible").GetBoolean());
        Assert.Contains("arts", asStaff.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(draft.GetProperty("visible").GetBoolean());
        Assert.Contains("draft", draft.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("Fiche concept", draft.GetProperty("material").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync("/api/materials/fiche-concept/preview?role=koning")).StatusCode);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/materials/fiche-concept/preview")).StatusCode);
    }

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
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Put(editor, "/api/taxonomy", text, new EntityTagHeaderValue("\"stale\""), "text/yaml")).StatusCode);

        var theme = "---\ntitle: Schoolverzuim\naliases: [spijbelen]\ncontact: an-jacobs\n---\nAlles over verzuim.\n";
        Assert.Equal(HttpStatusCode.Created, (await Put(editor, "/api/themes/schoolverzuim", theme, null, "text/markdown")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/themes/schoolverzuim")).StatusCode);
        var badTheme = await Put(editor, "/api/themes/kapot", "---\ntitle: Kapot\ncontact: niemand\n---\n", null, "text/markdown");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTheme.StatusCode);
        Assert.Contains("contact", await badTheme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var inUse = await editor.DeleteAsync("/api/themes/decreet-leersteun");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inUse.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/themes/schoolverzuim")).StatusCode);
        Assert.Equal(["removed", "created"], (await editor.GetFromJsonAsync<JsonElement>("/api/themes/schoolverzuim/versions")).EnumerateArray().Select(v => v.GetProperty("summary").GetString()));

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

        var response = await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "ondersteuningsmodel", target = "decreet-leersteun" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("materials").GetInt32() >= SharedHost.Fiches.Length);
        Assert.Equal(body.GetProperty("materials").GetInt32(), (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=ondersteuningsmodel")).GetProperty("total").GetInt32());
        Assert.Contains("\"ondersteuningsmodel\"", await editor.GetStringAsync("/api/themes/decreet-leersteun/source"), StringComparison.Ordinal);

        var glossary = await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "steuncentrum", target = "lsc" });
        Assert.Equal(HttpStatusCode.Created, glossary.StatusCode);
        Assert.Contains("aliases: [LSC, \"steuncentrum\"]", await editor.GetStringAsync("/api/taxonomy/source"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "x", target = "bestaat-niet" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "LSC", target = "lsc" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/reports/searches/aliases", new { query = "x", target = "lsc" })).StatusCode);
    }

    [Fact]
    public async Task Raw_html_and_script_links_are_stored_as_written_but_never_served_as_live_script()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        var body = "<script>alert('x')</script>\n\n[klik](javascript:alert(1)) en [data](data:text/html;base64,PHNjcmlwdD4=)\n\n<img src=x onerror=alert(1)>";
        var text = Fiche("Fiche met scripts", body);

        Assert.Equal(HttpStatusCode.Created, (await editor.PutAsync("/api/materials/fiche-scripts", Markdown(text))).StatusCode);
        Assert.Equal(text, await editor.GetStringAsync("/api/materials/fiche-scripts/source"));

        var html = (await staff.GetFromJsonAsync<JsonElement>("/api/materials/fiche-scripts")).GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");

    private static Task<HttpResponseMessage> Put(HttpClient client, string path, string text, EntityTagHeaderValue? etag, string mediaType = "text/markdown")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}
