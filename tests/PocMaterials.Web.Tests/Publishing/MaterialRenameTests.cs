using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;
using static PocMaterials.Web.Tests.Publishing.ContentRequests;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>A renamed material and its attachments answer at the old slug with a redirect, through the real host.</summary>
[Collection(ContentPublishingHost.Name)]
public sealed class MaterialRenameTests(SharedHost host)
{
    [Fact]
    public async Task
        A_renamed_material_answers_at_its_old_slug_with_a_redirect_and_is_found_under_the_new_one_as_soon_as_each_write_is_answered()
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

        using var noRedirects = host.App.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        noRedirects.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;
        var old = await noRedirects.GetAsync("/api/materials/fiche-oude-naam?source=direct");
        Assert.Equal(HttpStatusCode.PermanentRedirect, old.StatusCode);
        Assert.Equal("/api/materials/fiche-nieuwe-naam?source=direct", old.Headers.Location!.OriginalString);
        Assert.Equal(
            "renamed from fiche-oude-naam",
            (await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-nieuwe-naam/versions"))[0]
                .GetProperty("summary")
                .GetString());
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await editor.PostAsJsonAsync("/api/materials/fiche-nieuwe-naam/rename", new { slug = "faq-leersteun" })).StatusCode);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await editor.PostAsJsonAsync("/api/materials/fiche-nieuwe-naam/rename", new { slug = "../etc" })).StatusCode);
    }

    [Fact]
    public async Task A_renamed_materials_attachments_answer_at_its_old_slug_with_a_redirect()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        await editor.PutAsync("/api/materials/fiche-bijlage-oud", Markdown(Fiche("Fiche met bijlage")));
        var attached = await editor.PutAsync(
            "/api/materials/fiche-bijlage-oud/attachments/leidraad.pdf", new ByteArrayContent(SampleFiles.Pdf()));
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);
        Assert.Equal(
            HttpStatusCode.Created,
            (await editor.PostAsJsonAsync("/api/materials/fiche-bijlage-oud/rename", new { slug = "fiche-bijlage-nieuw" })).StatusCode);
        using var staff = host.App.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        staff.DefaultRequestHeaders.Authorization = (await host.App.ClientFor(["clb-medewerker"])).DefaultRequestHeaders.Authorization;

        var list = await staff.GetAsync("/api/materials/fiche-bijlage-oud/attachments");
        var file = await staff.GetAsync("/api/materials/fiche-bijlage-oud/attachments/leidraad.pdf?download=1");

        Assert.Equal(HttpStatusCode.PermanentRedirect, list.StatusCode);
        Assert.Equal("/api/materials/fiche-bijlage-nieuw/attachments", list.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.PermanentRedirect, file.StatusCode);
        Assert.Equal("/api/materials/fiche-bijlage-nieuw/attachments/leidraad.pdf?download=1", file.Headers.Location!.OriginalString);
        Assert.Equal(SampleFiles.Pdf(), await staff.GetByteArrayAsync(file.Headers.Location));
    }
}
