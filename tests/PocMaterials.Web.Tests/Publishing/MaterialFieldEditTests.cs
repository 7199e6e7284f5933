using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// The editor's form edits a material as fields and a body (JSON) and the file keeps what the form did not change:
/// comments, order and the text of every other field, through the same checked, versioned write as the file itself.
/// </summary>
public sealed class MaterialFieldEditTests : MaterialPublishingHost
{
    /// <summary>Written by hand: a comment, a field order of its own, a block list, a blank line before the body.</summary>
    private const string HandWritten = """
        ---
        # Herwerkt na het overleg met POC+ (zie verslag).
        type: fiche
        title: Huisbezoek bij verzuim   # werktitel
        themes:
          - decreet-leersteun
        summary: Wat een CLB doet bij problematisch verzuim.
        roles: clb-medewerker
        tags: [verzuim,huisbezoek]
        ---

        ## Voor het huisbezoek
        Spreek af met de school.

        """;

    [Fact]
    public async Task Editing_only_the_summary_changes_only_its_line()
    {
        var path = Folder.Write("content/materials/fiches/huisbezoek.md", HandWritten);
        var read = await Editor.GetAsync("/api/materials/huisbezoek/fields");
        var form = await read.Content.ReadFromJsonAsync<JsonElement>();
        var fields = form.GetProperty("fields").Deserialize<Dictionary<string, JsonElement>>()!;
        Assert.Equal("""["clb-medewerker"]""", fields["roles"].GetRawText());
        fields["summary"] = JsonSerializer.SerializeToElement("Wat een CLB doet bij verzuim: het huisbezoek.");

        var response = await PutFields("huisbezoek", fields, form.GetProperty("body").GetString(), read.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var before = HandWritten.Split('\n');
        var after = File.ReadAllText(path).Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = Assert.Single(before.Zip(after), p => p.First != p.Second);
        Assert.Equal(
            ("summary: Wat een CLB doet bij problematisch verzuim.", "summary: \"Wat een CLB doet bij verzuim: het huisbezoek.\""),
            changed);
        Assert.Equal(response.Headers.ETag, (await Editor.GetAsync("/api/materials/huisbezoek/source")).Headers.ETag);
        var versions = await Editor.GetFromJsonAsync<JsonElement>("/api/materials/huisbezoek/versions");
        Assert.Equal("changed summary", versions[0].GetProperty("summary").GetString());
        var served = await Staff.GetFromJsonAsync<JsonElement>("/api/materials/huisbezoek");
        Assert.Equal("Wat een CLB doet bij verzuim: het huisbezoek.", served.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task The_form_names_the_version_it_edited_and_may_add_and_remove_fields()
    {
        var read = await Editor.GetAsync("/api/materials/bestaand/fields");
        var form = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("""{"title":"Bestaande fiche","type":"fiche"}""", form.GetProperty("fields").GetRawText());
        Assert.Equal("Over leersteun.\n", form.GetProperty("body").GetString());
        var fields = new Dictionary<string, object?>
        {
            ["title"] = "Bestaande fiche", ["tags"] = new[] { "leersteun" }, ["type"] = "fiche",
        };
        var other = new Dictionary<string, object?> { ["title"] = "Fiche", ["type"] = "fiche" };
        var wrong = new Dictionary<string, object?> { ["title"] = 3, ["a: b"] = "x" };

        var withoutVersion = await PutFields("bestaand", fields, null, null);
        var stale = await PutFields("bestaand", fields, null, new EntityTagHeaderValue("\"verouderd\""));
        var badValue = await PutFields("bestaand", wrong, null, read.Headers.ETag);
        var edited = await PutFields("bestaand", fields, null, read.Headers.ETag);
        var anyVersion = await PutFields("bestaand", other, "Nieuw.", null, "*");

        Assert.Equal(HttpStatusCode.Conflict, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Equal(["fields.title", "fields.a: b"], (await badValue.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anyVersion.StatusCode);
        Assert.Equal(
            [
                "---\ntitle: Bestaande fiche\ntype: fiche\ntags: [leersteun]\n---\nOver leersteun.\n",
                "---\ntitle: Fiche\ntype: fiche\n---\nNieuw.\n",
            ],
            await Task.WhenAll(new[] { 2, 3 }.Select(v => Editor.GetStringAsync($"/api/materials/bestaand/versions/{v}"))));
    }

    [Fact]
    public async Task Fields_of_a_front_matter_that_does_not_parse_are_its_errors()
    {
        Folder.WriteMaterial("kapot", "title: [open\ntype: fiche");

        var response = await Editor.GetAsync("/api/materials/kapot/fields");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0];
        Assert.Equal("yaml", error.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync("/api/materials/onbekend/fields")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Staff.GetAsync("/api/materials/bestaand/fields")).StatusCode);
    }

    private Task<HttpResponseMessage> PutFields<T>(
        string slug, Dictionary<string, T> fields, string? body, EntityTagHeaderValue? etag, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
        {
            Content = JsonContent.Create(new { fields, body }),
        };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Editor.SendAsync(request);
    }
}
