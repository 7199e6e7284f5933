using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;
using static PocMaterials.Web.Tests.Publishing.ContentRequests;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Versions, diff and restore, hand edits, the check before a save, preview as a role and raw HTML, through the real
/// host.
/// </summary>
[Collection(ContentPublishingHost.Name)]
public sealed class ContentPublishingTests(SharedHost host)
{
    [Fact]
    public async Task Every_change_is_a_version_that_editors_list_compare_and_restore()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var created = await editor.PutAsync("/api/materials/fiche-versies", Markdown(Fiche("Fiche versies")));
        var updated = await Put(
            editor, "/api/materials/fiche-versies", Fiche("Fiche versies", "Over schoolverzuim en spijbelen."), created.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var versions = await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-versies/versions");
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));
        Assert.All(
            versions.EnumerateArray(), v => Assert.StartsWith("dev-", v.GetProperty("author").GetString(), StringComparison.Ordinal));
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
    public async Task A_hand_edit_on_disk_is_recorded_as_a_version_by_the_file_system()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        await editor.PutAsync("/api/materials/fiche-handwerk", Markdown(Fiche("Fiche handwerk")));
        await File.WriteAllTextAsync(
            Path.Combine(host.Folder.ContentPath, "materials", "fiche-handwerk.md"), Fiche("Fiche handwerk", "Met de hand herschreven."));

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
    public async Task A_check_validates_as_a_save_would_and_renders_the_body_as_served_writing_nothing()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        const string audited = "SELECT count(*) FROM audit_log WHERE target LIKE '%fiche-gecontroleerd%'";
        var body = "## Afspraken\n\n| wie | wat |\n| --- | --- |\n| school | **meldt** |\n\n<script>alert(1)</script>";

        var valid = await (await editor.PostAsync("/api/materials/fiche-gecontroleerd/check", Markdown(Fiche("Fiche gecontroleerd", body))))
            .Content.ReadFromJsonAsync<JsonElement>();
        var invalid = await editor.PostAsync(
            "/api/materials/fiche-gecontroleerd/check",
            Markdown(Fiche("Fiche gecontroleerd", body).Replace("type: fiche", "type: geen-type", StringComparison.Ordinal)));
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
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await staff.PostAsync("/api/materials/fiche-gecontroleerd/check", Markdown(Fiche("Fiche", body)))).StatusCode);
    }

    [Fact]
    public async Task A_check_of_another_media_type_is_refused_for_who_asks_before_what_is_sent()
    {
        // JSON is the form's check (MaterialFormPagesTests); XML is no body a check takes.
        static StringContent Xml() => new("<title>x</title>", Encoding.UTF8, "application/xml");
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);

        Assert.Equal(
            HttpStatusCode.Unauthorized, (await host.App.CreateClient().PostAsync("/api/materials/fiche-xml/check", Xml())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/materials/fiche-xml/check", Xml())).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await editor.PostAsync("/api/materials/fiche-xml/check", Xml())).StatusCode);
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
    public async Task Raw_html_and_script_links_are_stored_as_written_but_never_served_as_live_script()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        var body = "<script>alert('x')</script>\n\n[klik](javascript:alert(1)) en [data](data:text/html;base64,PHNjcmlwdD4=)\n\n"
            + "<img src=x onerror=alert(1)>";
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
}
