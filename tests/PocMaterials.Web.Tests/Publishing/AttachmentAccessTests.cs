using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>A material's attachments are served to those who may see the material and no one else; only editors change them.</summary>
[Collection(SharedAttachmentHost.Name)]
public sealed class AttachmentAccessTests(AttachmentHost host)
{
    [Fact]
    public async Task An_attachment_is_seen_exactly_by_those_who_see_its_material()
    {
        await host.PutAsync("fiche-artsen", "protocol-arts.pdf", SampleFiles.Pdf());
        await host.PutAsync("fiche-concept", "concept.pdf", SampleFiles.Pdf());
        await host.PutAsync("fiche-gepland", "later.pdf", SampleFiles.Pdf());

        Assert.Equal(
            HttpStatusCode.OK, (await host.Doctor.GetAsync("/api/materials/fiche-artsen/attachments/protocol-arts.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Editor.GetAsync("/api/materials/fiche-concept/attachments/concept.pdf")).StatusCode);
        foreach (var (client, slug, name) in new[]
        {
            (host.Staff, "fiche-artsen", "protocol-arts.pdf"),
            (host.Staff, "fiche-concept", "concept.pdf"),
            (host.Doctor, "fiche-concept", "concept.pdf"),
            (host.Staff, "fiche-gepland", "later.pdf"),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/materials/{slug}/attachments/{name}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/materials/{slug}/attachments")).StatusCode);
        }
        // Hidden answers exactly as missing does, so a role cannot probe for what it may not see.
        Assert.Equal(await ProblemWithout("fiche-onbekend", "leeg.pdf"), await ProblemWithout("fiche-artsen", "protocol-arts.pdf"));
    }

    [Fact]
    public async Task Only_editors_attach_and_remove_and_every_change_is_audited()
    {
        await host.PutAsync("fiche-open", "gelogd.pdf", SampleFiles.Pdf());

        Assert.Equal(
            HttpStatusCode.Forbidden, (await host.PutAsync("fiche-open", "staf.pdf", SampleFiles.Pdf(), client: host.Staff)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden, (await host.Staff.DeleteAsync("/api/materials/fiche-open/attachments/gelogd.pdf")).StatusCode);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await host.App.CreateClient().GetAsync("/api/materials/fiche-open/attachments/gelogd.pdf")).StatusCode);
        Assert.False(File.Exists(Path.Combine(host.AttachmentsPath, "fiche-open", "staf.pdf")));
        Assert.Equal(
            HttpStatusCode.NoContent, (await host.Editor.DeleteAsync("/api/materials/fiche-open/attachments/gelogd.pdf")).StatusCode);

        var log = await host.Editor.GetFromJsonAsync<JsonElement>("/api/audit");
        Assert.Equal(
            // The staff member's refused delete is audited as well.
            ["PUT /api/materials/{slug}/attachments/{fileName} 201", "DELETE /api/materials/{slug}/attachments/{fileName} 403",
                "DELETE /api/materials/{slug}/attachments/{fileName} 204"],
            log.EnumerateArray()
                .Where(e => e.GetProperty("target").GetString() == "/api/materials/fiche-open/attachments/gelogd.pdf")
                .Reverse()
                .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("status").GetInt32()}"));
    }

    [Fact]
    public async Task A_removed_materials_attachments_are_kept_for_editors_and_served_to_no_one_else()
    {
        await host.PutAsync("fiche-weg", "blijft.pdf", SampleFiles.Pdf());
        Assert.Equal(HttpStatusCode.NotFound, (await host.PutAsync("fiche-bestaat-niet", "nergens.pdf", SampleFiles.Pdf())).StatusCode);

        File.Delete(Path.Combine(host.Folder.ContentPath, "materials", "fiche-weg.md"));
        await Eventually.TrueAsync(
            async () => (await host.Editor.GetAsync("/api/materials/fiche-weg")).StatusCode == HttpStatusCode.NotFound,
            "the removed material was still served", seconds: 10);

        Assert.Equal(HttpStatusCode.NotFound, (await host.Staff.GetAsync("/api/materials/fiche-weg/attachments/blijft.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.PutAsync("fiche-weg", "nieuw.pdf", SampleFiles.Pdf())).StatusCode);
        Assert.Equal(
            ["blijft.pdf"],
            (await host.Editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-weg/attachments"))
                .EnumerateArray()
                .Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(
            HttpStatusCode.NoContent, (await host.Editor.DeleteAsync("/api/materials/fiche-weg/attachments/blijft.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Editor.GetAsync("/api/materials/fiche-weg/attachments")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(host.AttachmentsPath, "fiche-weg")));
        Assert.False(Directory.Exists(Path.Combine(host.AttachmentsPath, "fiche-bestaat-niet")));
    }

    /// <summary>What staff are told of a material's list and file, without the names asked for or the trace id.</summary>
    private async Task<string> ProblemWithout(string slug, string name)
    {
        var answers = new List<string>();
        foreach (var path in new[] { $"/api/materials/{slug}/attachments", $"/api/materials/{slug}/attachments/{name}" })
        {
            var response = await host.Staff.GetAsync(path);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var detail = body.GetProperty("detail").GetString()!
                .Replace(slug, "", StringComparison.Ordinal)
                .Replace(name, "", StringComparison.Ordinal);
            answers.Add($"{(int)response.StatusCode} {body.GetProperty("title")} {detail}");
        }
        return string.Join('\n', answers);
    }
}
