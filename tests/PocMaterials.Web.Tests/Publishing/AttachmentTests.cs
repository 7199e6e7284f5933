using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Editors attach files to materials, each stored beside the content, served as stored and replaced only over the version
/// named.
/// </summary>
[Collection(SharedAttachmentHost.Name)]
public sealed class AttachmentTests(AttachmentHost host)
{
    public static TheoryData<string, string, string> Kinds() => new()
    {
        { "protocol.pdf", nameof(SampleFiles.Pdf), "inline" },
        { "schema.png", nameof(SampleFiles.Png), "inline" },
        { "foto.jpg", nameof(SampleFiles.Jpeg), "inline" },
        { "sjabloon.docx", nameof(SampleFiles.Docx), "attachment" },
        { "helpdesksessie.pptx", nameof(SampleFiles.Pptx), "attachment" },
        { "planning.xlsx", nameof(SampleFiles.Xlsx), "attachment" },
        { "verslag.odt", nameof(SampleFiles.Odt), "attachment" },
        { "presentatie.odp", nameof(SampleFiles.Odp), "attachment" },
        { "cijfers.ods", nameof(SampleFiles.Ods), "attachment" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_accepted_kind_is_stored_beside_the_content_and_served_as_uploaded(
        string name, string sample, string disposition)
    {
        var bytes = SampleFiles.Named(sample);

        var created = await host.PutAsync("fiche-open", name, bytes);
        var served = await host.Staff.GetAsync($"/api/materials/fiche-open/attachments/{name}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/materials/fiche-open/attachments/{name}", created.Headers.Location?.OriginalString);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(host.AttachmentsPath, "fiche-open", name)));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString(),
            served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(created.Headers.ETag, served.Headers.ETag);
        Assert.Equal(disposition, served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, served.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("private", served.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_name_the_version_they_replace_and_reads_are_conditional()
    {
        var first = SampleFiles.Pdf();
        byte[] second = [.. first, .. "% tweede versie\n"u8];
        var created = await host.PutAsync("fiche-open", "versies.pdf", first);
        var etag = created.Headers.ETag!;

        var withoutVersion = await host.PutAsync("fiche-open", "versies.pdf", second);
        var stale = await host.PutAsync("fiche-open", "versies.pdf", second, new EntityTagHeaderValue("\"0000\""));
        var unchanged = File.ReadAllBytes(Path.Combine(host.AttachmentsPath, "fiche-open", "versies.pdf"));
        var replaced = await host.PutAsync("fiche-open", "versies.pdf", second, etag);
        var lost = await host.PutAsync("fiche-open", "versies.pdf", first, etag);

        Assert.Equal(HttpStatusCode.Conflict, withoutVersion.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(first, unchanged);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.NotEqual(etag, replaced.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, lost.StatusCode);
        Assert.Equal(second, File.ReadAllBytes(Path.Combine(host.AttachmentsPath, "fiche-open", "versies.pdf")));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/materials/fiche-open/attachments/versies.pdf");
        conditional.Headers.IfNoneMatch.Add(replaced.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Staff.SendAsync(conditional)).StatusCode);
        using var range = new HttpRequestMessage(HttpMethod.Get, "/api/materials/fiche-open/attachments/versies.pdf");
        range.Headers.Range = new RangeHeaderValue(0, 4);
        var part = await host.Staff.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("%PDF-"u8.ToArray(), await part.Content.ReadAsByteArrayAsync());

        using var staleDelete = new HttpRequestMessage(HttpMethod.Delete, "/api/materials/fiche-open/attachments/versies.pdf");
        staleDelete.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await host.Editor.SendAsync(staleDelete)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NoContent, (await host.Editor.DeleteAsync("/api/materials/fiche-open/attachments/versies.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Staff.GetAsync("/api/materials/fiche-open/attachments/versies.pdf")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound, (await host.Editor.DeleteAsync("/api/materials/fiche-open/attachments/versies.pdf")).StatusCode);
    }

    [Fact]
    public async Task If_Match_star_matches_any_stored_file_and_no_absent_one()
    {
        var path = Path.Combine(host.AttachmentsPath, "fiche-open", "ster.pdf");
        byte[] second = [.. SampleFiles.Pdf(), .. "% tweede\n"u8];
        byte[] third = [.. SampleFiles.Pdf(), .. "% derde\n"u8];

        var overNothing = await host.PutAsync("fiche-open", "ster.pdf", SampleFiles.Pdf(), EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.PreconditionFailed, overNothing.StatusCode);
        Assert.False(File.Exists(path));
        await host.PutAsync("fiche-open", "ster.pdf", SampleFiles.Pdf());
        var overAny = await host.PutAsync("fiche-open", "ster.pdf", second, EntityTagHeaderValue.Any);
        Assert.Equal(HttpStatusCode.OK, overAny.StatusCode);
        // A list matches when one of its tags is the stored one.
        using var listed = new HttpRequestMessage(HttpMethod.Put, "/api/materials/fiche-open/attachments/ster.pdf")
        {
            Content = new ByteArrayContent(third),
        };
        listed.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000\""));
        listed.Headers.IfMatch.Add(overAny.Headers.ETag!);
        var overListed = await host.Editor.SendAsync(listed);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/materials/fiche-open/attachments/ster.pdf");
        delete.Headers.IfMatch.Add(EntityTagHeaderValue.Any);

        Assert.Equal(HttpStatusCode.OK, overListed.StatusCode);
        Assert.Equal(third, File.ReadAllBytes(path));
        Assert.Equal(HttpStatusCode.NoContent, (await host.Editor.SendAsync(delete)).StatusCode);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Concurrent_replaces_of_one_version_give_one_success_and_one_412()
    {
        var etag = (await host.PutAsync("fiche-open", "gedeeld.pdf", SampleFiles.Pdf())).Headers.ETag!;

        var results = await Task.WhenAll(
            host.PutAsync("fiche-open", "gedeeld.pdf", [.. SampleFiles.Pdf(), .. "% A\n"u8], etag),
            host.PutAsync("fiche-open", "gedeeld.pdf", [.. SampleFiles.Pdf(), .. "% B\n"u8], etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], results.Select(r => r.StatusCode).Order());
    }

    [Fact]
    public async Task The_material_and_the_list_name_each_attachment_with_size_type_date_and_address()
    {
        var pdf = SampleFiles.Pdf();
        await host.PutAsync("fiche-artsen", "bijlage-a.pdf", pdf);
        await host.PutAsync("fiche-artsen", "bijlage-b.docx", SampleFiles.Docx());

        var material = await host.Doctor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-artsen");
        var list = await host.Doctor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-artsen/attachments");

        var attachments = material.GetProperty("attachments").EnumerateArray().ToList();
        Assert.Equal(list.EnumerateArray().Select(a => a.ToString()), attachments.Select(a => a.ToString()));
        var a = attachments.Single(e => e.GetProperty("name").GetString() == "bijlage-a.pdf");
        Assert.Equal(pdf.Length, a.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", a.GetProperty("contentType").GetString());
        Assert.Equal("/api/materials/fiche-artsen/attachments/bijlage-a.pdf", a.GetProperty("url").GetString());
        Assert.True(a.GetProperty("updated").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Contains(attachments, e => e.GetProperty("name").GetString() == "bijlage-b.docx");
    }

    [Fact]
    public async Task A_file_placed_by_hand_is_served_only_when_its_bytes_match_its_name()
    {
        var folder = Directory.CreateDirectory(Path.Combine(host.AttachmentsPath, "fiche-open")).FullName;
        File.WriteAllBytes(Path.Combine(folder, "met-de-hand.pdf"), SampleFiles.Pdf());
        File.WriteAllBytes(Path.Combine(folder, "vermomd.pdf"), SampleFiles.Html());
        File.WriteAllBytes(Path.Combine(folder, "Niet Geldig.pdf"), SampleFiles.Pdf());

        var names = (await host.Editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-open/attachments"))
            .EnumerateArray()
            .Select(a => a.GetProperty("name").GetString())
            .ToList();

        Assert.Equal(HttpStatusCode.OK, (await host.Staff.GetAsync("/api/materials/fiche-open/attachments/met-de-hand.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Editor.GetAsync("/api/materials/fiche-open/attachments/vermomd.pdf")).StatusCode);
        Assert.Contains("met-de-hand.pdf", names);
        Assert.DoesNotContain("vermomd.pdf", names);
        Assert.DoesNotContain("Niet Geldig.pdf", names);
    }
}
