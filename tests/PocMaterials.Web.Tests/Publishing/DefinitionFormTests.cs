using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static PocMaterials.Web.Tests.Publishing.ContentRequests;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>A host of its own for <see cref="DefinitionFormTests"/>: they change the taxonomy and contacts others read.</summary>
[CollectionDefinition(Name)]
public sealed class DefinitionFormHost : ICollectionFixture<SharedHost>
{
    public const string Name = "Definition form host";
}

/// <summary>
/// The definitions one entry at a time through the real host: each an edit of its file that leaves every other byte, and
/// refused (422, naming each user) where it would break a material or theme.
/// </summary>
[Collection(DefinitionFormHost.Name)]
public sealed class DefinitionFormTests(SharedHost host)
{
    [Fact]
    public async Task A_theme_form_changes_its_title_and_image_and_keeps_every_other_line()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var before = await editor.GetStringAsync("/api/themes/decreet-leersteun/source");
        var form = await editor.GetAsync("/api/themes/decreet-leersteun/fields");
        var fields = (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fields");
        Assert.Equal("Decreet leersteun", fields.GetProperty("title").GetString());

        var changed = new { fields = new { title = "Leersteun", aliases = new[] { "leersteun" }, contact = "an-jacobs",
            image = "/beelden/leersteun.png" }, body = (string?)null };
        var saved = await Send(editor, HttpMethod.Put, "/api/themes/decreet-leersteun/fields", changed, form.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await editor.GetStringAsync("/api/themes/decreet-leersteun/source");
        Assert.Equal(
            before.Replace("title: Decreet leersteun\n", "title: Leersteun\n", StringComparison.Ordinal)
                .Replace("contact: an-jacobs\n", "contact: an-jacobs\nimage: /beelden/leersteun.png\n", StringComparison.Ordinal),
            after);
        Assert.Equal("/beelden/leersteun.png", (await editor.GetFromJsonAsync<JsonElement>("/api/themes/decreet-leersteun"))
            .GetProperty("image").GetString());

        var script = new { fields = new { title = "Leersteun", image = "javascript:alert(1)" } };
        var refused = await Send(editor, HttpMethod.Put, "/api/themes/decreet-leersteun/fields", script, saved.Headers.ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(("image", "invalid-address"), FirstError(await refused.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await Send(editor, HttpMethod.Put, "/api/themes/decreet-leersteun/fields", changed, form.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task Contacts_are_added_changed_and_removed_and_one_a_theme_names_stays()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var list = await editor.GetAsync("/api/contacts");
        var before = await editor.GetStringAsync("/api/contacts/source");

        var added = await Send(editor, HttpMethod.Post, "/api/contacts",
            new { id = "piet-peeters", name = "Piet Peeters", role = "Aanspreekpunt OLB", email = "piet@example.org" },
            list.Headers.ETag);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var changed = await Send(editor, HttpMethod.Put, "/api/contacts/piet-peeters",
            new { name = "Piet Peeters", role = "Aanspreekpunt onderwijsloopbaan", email = "piet@example.org", phone = "" },
            added.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(before.TrimEnd('\n') + "\n- id: piet-peeters\n  name: Piet Peeters\n  email: piet@example.org\n"
            + "  role: Aanspreekpunt onderwijsloopbaan", (await editor.GetStringAsync("/api/contacts/source")).TrimEnd('\n'));

        var inUse = await editor.DeleteAsync("/api/contacts/an-jacobs");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inUse.StatusCode);
        var users = (await inUse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("file").GetString())).ToList();
        Assert.Contains(("in-use", "themes/decreet-leersteun.md"), users);
        var twice = await Send(editor, HttpMethod.Post, "/api/contacts", new { id = "an-jacobs", name = "X" }, null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/contacts/piet-peeters")).StatusCode);
        Assert.Equal(before, await editor.GetStringAsync("/api/contacts/source"));
        Assert.Equal(["removed contact piet-peeters", "changed contact piet-peeters", "added contact piet-peeters"],
            (await editor.GetFromJsonAsync<JsonElement>("/api/contacts/versions")).EnumerateArray()
                .Select(v => v.GetProperty("summary").GetString()).Take(3));
    }

    [Fact]
    public async Task A_term_is_added_and_renamed_its_aliases_edited_and_one_in_use_stays()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var terms = await editor.GetAsync("/api/taxonomy/terms");
        var before = await editor.GetStringAsync("/api/taxonomy/source");

        var aliases = await Send(editor, HttpMethod.Put, "/api/taxonomy/terms/glossary/lsc",
            new { aliases = new[] { "LSC", "steuncentrum" } }, terms.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, aliases.StatusCode);
        Assert.Equal(before.Replace("aliases: [LSC]", "aliases: [LSC, steuncentrum]", StringComparison.Ordinal),
            await editor.GetStringAsync("/api/taxonomy/source"));
        var lsc = (await editor.GetFromJsonAsync<JsonElement>("/api/taxonomy/terms")).GetProperty("lists").GetProperty("glossary")[0];
        Assert.Equal(["LSC", "steuncentrum"], lsc.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.Created, (await Send(editor, HttpMethod.Post, "/api/taxonomy/terms/types",
            new { id = "brochure", label = "Brochure" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, "/api/taxonomy/terms/types/brochure",
            new { label = "Folder" }, null)).StatusCode);
        Assert.Contains(
            "  - id: brochure\n    label: Folder\n", await editor.GetStringAsync("/api/taxonomy/source"), StringComparison.Ordinal);

        var inUse = await editor.DeleteAsync("/api/taxonomy/terms/types/fiche");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inUse.StatusCode);
        Assert.Contains("content/materials/fiche-a.md", await inUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/taxonomy/terms/types/brochure")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync("/api/taxonomy/terms/soorten/fiche")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(editor, HttpMethod.Post, "/api/taxonomy/terms/types",
            new { id = "Geen Id", label = "X" }, null)).StatusCode);

        // A list written in flow style is no lines to edit: the form says so, and the source is the way.
        var source = await editor.GetAsync("/api/taxonomy/source");
        var flow = before.Replace("  - id: lsc\n    label: leersteuncentrum\n    aliases: [LSC]", "  [{id: lsc, label: leersteuncentrum}]",
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Put(editor, "/api/taxonomy", flow, source.Headers.ETag, "text/yaml")).StatusCode);
        var notEditable = await Send(editor, HttpMethod.Put, "/api/taxonomy/terms/glossary/lsc", new { label = "LSC" }, null);
        Assert.Equal(("yaml", "not-editable"), FirstError(await notEditable.Content.ReadFromJsonAsync<JsonElement>()));
    }

    [Fact]
    public async Task A_centres_number_of_staff_is_set_and_removed_and_one_that_is_no_number_is_an_invalid_count()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        const string Brussel = "/api/taxonomy/terms/centres/brussel";

        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, Brussel, new { staff = "42" }, null)).StatusCode);
        Assert.Contains("  - id: brussel\n    label: GO! CLB Brussel\n    staff: 42\n", await editor.GetStringAsync("/api/taxonomy/source"),
            StringComparison.Ordinal);
        var centres = (await editor.GetFromJsonAsync<JsonElement>("/api/taxonomy/terms")).GetProperty("lists").GetProperty("centres");
        JsonElement Centre(string id) => centres.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal(42, Centre("brussel").GetProperty("staff").GetInt32());
        Assert.False(Centre("gent").TryGetProperty("staff", out _));

        var wrong = await Send(editor, HttpMethod.Put, Brussel, new { staff = "veel" }, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(("staff", "invalid-count"), FirstError(await wrong.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Send(editor, HttpMethod.Put, "/api/taxonomy/terms/roles/arts", new { staff = "3" }, null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, Brussel, new { staff = "" }, null)).StatusCode);
        Assert.DoesNotContain("staff:", await editor.GetStringAsync("/api/taxonomy/source"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_months_are_planned_in_order_and_an_unknown_feature_is_refused()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        // No calendar yet: the first month planned makes its file, still a 200 (the month is what was put).
        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, "/api/newsletter/calendar/2027-03",
            new { feature = "decreet-leersteun" }, null)).StatusCode);
        var calendar = await editor.GetAsync("/api/newsletter/calendar");
        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, "/api/newsletter/calendar/2026-12",
            new { feature = "begeleiding" }, calendar.Headers.ETag)).StatusCode);
        Assert.Equal("2026-12: begeleiding\n2027-03: decreet-leersteun\n", await editor.GetStringAsync("/api/newsletter/calendar/source"));

        var unknown = await Send(editor, HttpMethod.Put, "/api/newsletter/calendar/2027-04", new { feature = "geen-thema" }, null);
        Assert.Equal(("2027-04", "unknown-term"), FirstError(await unknown.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.BadRequest,
            (await Send(editor, HttpMethod.Put, "/api/newsletter/calendar/2027-13", new { feature = "begeleiding" }, null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(editor, HttpMethod.Put, "/api/newsletter/calendar/2026-12",
            new { feature = (string?)null }, null)).StatusCode);
        Assert.Equal("2027-03: decreet-leersteun\n", await editor.GetStringAsync("/api/newsletter/calendar/source"));
        var months = (await editor.GetFromJsonAsync<JsonElement>("/api/newsletter/calendar")).GetProperty("months");
        Assert.Equal("decreet-leersteun", months.GetProperty("2027-03").GetString());
    }

    private static (string?, string?) FirstError(JsonElement problem)
    {
        var error = problem.GetProperty("fieldErrors")[0];
        return (error.GetProperty("field").GetString(), error.GetProperty("code").GetString());
    }

    private static Task<HttpResponseMessage> Send(
        HttpClient client, HttpMethod method, string path, object body, EntityTagHeaderValue? etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}
