using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Search.Querying;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The calls of the contract test beyond those read from the document: valid requests, invalid ones and conflicting ones,
/// one line each with the status it must answer, in an order that makes the data a later call needs. Every change is
/// made to throwaway data (materials, themes and files the test creates, its own subscribers and webhook), or undone.
/// </summary>
public sealed partial class ContractCalls(ContractHost host, ContractRun run)
{
    private static readonly EntityTagHeaderValue Stale = new("\"verouderd\"");

    public async Task CallAllAsync()
    {
        await SubscribersAsync();
        await NewsletterAsync();
        await ContentAsync();
        await MaterialsAsync();
        await AttachmentsAsync();
        await FeedbackAsync();
        await HelpdeskAsync();
        await FixedDefinitionAsync("/api/taxonomy", Fixture.Taxonomy, "core_processes: [");
        await FixedDefinitionAsync("/api/contacts", Fixture.Contacts, "- id: [");
        await CalendarAsync();
        await ThemesAsync();
        await DefinitionFormsAsync();
        await ReportsAsync();
        await WebhooksAsync();
    }

    /// <summary>What every staff member reads: session, search, taxonomy and themes, a development token.</summary>
    private async Task ContentAsync()
    {
        await Get(200, "/api/me");
        await Get(200, "/api/search?q=leersteun");
        await Get(400, "/api/search?sort=geen");
        await Get(200, "/api/suggest?q=leer");
        await Get(400, "/api/suggest?q=" + new string('a', MaterialSearchRequest.MaxQueryLength + 1));
        await Get(200, "/api/taxonomy");
        await Get(200, "/api/taxonomy/form");
        await Get(200, "/api/themes");
        await Get(200, "/api/themes/decreet-leersteun");
        await Call(200, HttpMethod.Post, "/api/dev/token", JsonContent.Create(new { roles = new[] { "arts" } }), client: host.Anonymous);
        await Call(400, HttpMethod.Post, "/api/dev/token", JsonContent.Create(new { roles = new[] { "geen-rol" } }),
            client: host.Anonymous);
    }

    /// <summary>A throwaway material through its life: created, replaced, checked, versioned, restored, renamed, removed.</summary>
    private async Task MaterialsAsync()
    {
        await Get(200, "/api/materials/faq-leersteun");
        await Get(400, "/api/materials/faq-leersteun?source=geen");
        await Get(200, "/api/materials/faq-leersteun/source");
        await Get(200, "/api/materials/faq-leersteun/fields");
        // A file on disk whose front matter does not parse has no fields, only its errors.
        var broken = host.Folder.WriteMaterial("kapot", "title: [open");
        await Get(422, "/api/materials/kapot/fields");
        File.Delete(broken);
        await Get(200, "/api/materials/faq-leersteun/preview?role=arts");
        await Get(400, "/api/materials/faq-leersteun/preview?role=geen-rol");
        await Call(200, HttpMethod.Post, "/api/materials/wegwerp/check", Markdown(Fiche("Wegwerpfiche")));
        await Call(400, HttpMethod.Post, "/api/materials/Ongeldig/check", Markdown(Fiche("Wegwerpfiche")));
        await Call(413, HttpMethod.Post, "/api/materials/wegwerp/check", Markdown(TooLarge));
        // The form's check: its fields as an edit of the file they were read from (source), answered with the file they make.
        await Call(200, HttpMethod.Post, "/api/materials/wegwerp/check",
            JsonContent.Create(new { fields = new { title = "Wegwerpfiche", type = "fiche" }, body = "Tekst.", source = Fiche("Oud") }));
        await Call(400, HttpMethod.Post, "/api/materials/wegwerp/check", JsonContent.Create(new { body = "Zonder velden." }));
        await Call(415, HttpMethod.Post, "/api/materials/wegwerp/check",
            new ByteArrayContent([1]) { Headers = { ContentType = new("application/pdf") } });

        var created = await Call(201, HttpMethod.Put, "/api/materials/wegwerp", Markdown(Fiche("Wegwerpfiche")));
        await Call(409, HttpMethod.Put, "/api/materials/wegwerp", Markdown(Fiche("Wegwerpfiche")));
        await Call(412, HttpMethod.Put, "/api/materials/wegwerp", Markdown(Fiche("Wegwerpfiche")), IfMatch(Stale));
        await Call(200, HttpMethod.Put, "/api/materials/wegwerp", Markdown(Fiche("Wegwerpfiche, herzien")), IfMatch(created.Headers.ETag));
        await Call(422, HttpMethod.Put, "/api/materials/wegwerp", Markdown("---\ntype: fiche\n---\nZonder titel.\n"));
        await Call(400, HttpMethod.Put, "/api/materials/Ongeldig", Markdown(Fiche("Wegwerpfiche")));
        await Call(400, HttpMethod.Put, "/api/materials/wegwerp", JsonContent.Create(new { body = "Zonder velden." }));
        await Call(400, HttpMethod.Put, "/api/materials/wegwerp",
            JsonContent.Create(new { fields = new { title = "Wegwerpfiche" }, source = Fiche("Wegwerpfiche") }));
        await Call(413, HttpMethod.Put, "/api/materials/wegwerp", Markdown(TooLarge));
        await Call(415, HttpMethod.Put, "/api/materials/wegwerp",
            new ByteArrayContent([1]) { Headers = { ContentType = new("application/pdf") } });

        await Versions("/api/materials/wegwerp");
        await Get(404, "/api/materials/Ongeldig/versions");
        await Call(200, HttpMethod.Post, "/api/materials/wegwerp/versions/1/restore");
        await Call(412, HttpMethod.Post, "/api/materials/wegwerp/versions/1/restore", headers: IfMatch(Stale));
        await Call(400, HttpMethod.Post, "/api/materials/Ongeldig/versions/1/restore");

        await Call(412, HttpMethod.Post, "/api/materials/wegwerp/rename", Slug("wegwerp-hernoemd"), IfMatch(Stale));
        await Call(409, HttpMethod.Post, "/api/materials/wegwerp/rename", Slug("faq-leersteun"));
        await Call(400, HttpMethod.Post, "/api/materials/wegwerp/rename", Slug("wegwerp"));
        await Call(201, HttpMethod.Post, "/api/materials/wegwerp/rename", Slug("wegwerp-hernoemd"));
        await Call(404, HttpMethod.Post, "/api/materials/wegwerp/rename", Slug("wegwerp-ander"));
        await Get(308, "/api/materials/wegwerp");
        await Get(308, "/api/materials/wegwerp/attachments");
        await Get(308, "/api/materials/wegwerp/attachments/bijlage.pdf");

        await Call(412, HttpMethod.Delete, "/api/materials/wegwerp-hernoemd", headers: IfMatch(Stale));
        await Call(400, HttpMethod.Delete, "/api/materials/Ongeldig");
        await Call(204, HttpMethod.Delete, "/api/materials/wegwerp-hernoemd");
        await Get(410, $"/api/materials/wegwerp-hernoemd/versions/{await LatestVersionAsync("/api/materials/wegwerp-hernoemd")}");
        await Call(201, HttpMethod.Post, "/api/materials/wegwerp-hernoemd/versions/1/restore");
        await Call(204, HttpMethod.Delete, "/api/materials/wegwerp-hernoemd");
    }

    /// <summary>A file attached to a material and removed again: conditional and range reads, refused kinds and sizes.</summary>
    private async Task AttachmentsAsync()
    {
        const string Attachment = "/api/materials/faq-leersteun/attachments/bijlage.pdf";
        var created = await Call(201, HttpMethod.Put, Attachment, Bytes(SampleFiles.Pdf()));
        await Call(409, HttpMethod.Put, Attachment, Bytes(SampleFiles.Pdf()));
        await Call(412, HttpMethod.Put, Attachment, Bytes(SampleFiles.Pdf()), IfMatch(Stale));
        var replaced = await Call(200, HttpMethod.Put, Attachment, Bytes(SampleFiles.Pdf()), IfMatch(created.Headers.ETag));
        await Call(415, HttpMethod.Put, "/api/materials/faq-leersteun/attachments/bijlage.exe", Bytes(SampleFiles.Pdf()));
        await Call(415, HttpMethod.Put, "/api/materials/faq-leersteun/attachments/vermomd.pdf", Bytes(SampleFiles.Png()));
        await Call(413, HttpMethod.Put, "/api/materials/faq-leersteun/attachments/groot.pdf",
            Bytes(new byte[ContractHost.MaxAttachmentBytes + 1]));
        await Call(400, HttpMethod.Put, "/api/materials/Ongeldig/attachments/bijlage.pdf", Bytes(SampleFiles.Pdf()));

        await Get(200, "/api/materials/faq-leersteun/attachments");
        await Get(200, Attachment);
        await Get(206, Attachment, h => h.Range = new RangeHeaderValue(0, 3));
        await Get(304, Attachment, h => h.IfNoneMatch.Add(replaced.Headers.ETag!));
        await Get(412, Attachment, IfMatch(Stale));
        await Get(416, Attachment, h => h.Range = new RangeHeaderValue(1_000_000, null));

        await Call(412, HttpMethod.Delete, Attachment, headers: IfMatch(Stale));
        await Call(400, HttpMethod.Delete, "/api/materials/Ongeldig/attachments/bijlage.pdf");
        await Call(204, HttpMethod.Delete, Attachment);
        await Call(404, HttpMethod.Delete, Attachment);
    }

    /// <summary>"Was dit nuttig?": a staff member's vote, its change, refused votes, and what editors read of them.</summary>
    private async Task FeedbackAsync()
    {
        const string Feedback = "/api/materials/faq-leersteun/feedback";
        await Call(201, HttpMethod.Post, Feedback, JsonContent.Create(new { helpful = true }), client: host.Staff);
        await Call(200, HttpMethod.Post, Feedback, JsonContent.Create(new { helpful = false, reason = "onduidelijk" }), client: host.Staff);
        await Call(400, HttpMethod.Post, Feedback, JsonContent.Create(new { helpful = false, reason = "saai" }), client: host.Staff);
        await Call(422, HttpMethod.Post, Feedback, JsonContent.Create(new { helpful = true, anchor = "geen-vraag" }), client: host.Staff);
        await Call(404, HttpMethod.Post, "/api/materials/bestaat-niet/feedback", JsonContent.Create(new { helpful = true }),
            client: host.Staff);
        await Get(200, Feedback);
        await Get(400, Feedback + "?from=gisteren");
        await Get(200, "/api/reports/feedback");
        await Get(400, "/api/reports/feedback?top=0");
    }

    /// <summary>The versions of a file: the list, one version, a diff, and their 404 and 400.</summary>
    private async Task Versions(string file)
    {
        await Get(200, $"{file}/versions");
        await Get(200, $"{file}/versions/1");
        await Get(404, $"{file}/versions/99");
        await Get(200, $"{file}/diff?from=1");
        await Get(404, $"{file}/diff?from=99");
        await Get(400, $"{file}/diff");
    }

    private async Task<int> LatestVersionAsync(string file)
    {
        using var versions = JsonDocument.Parse(await host.Editor.GetStringAsync($"{file}/versions"));
        return versions.RootElement[0].GetProperty("number").GetInt32();
    }

    private Task<HttpResponseMessage> Get(int expected, string url, Action<HttpRequestHeaders>? headers = null) =>
        run.CallAsync(expected, host.Editor, HttpMethod.Get, url, headers: headers);

    /// <summary>As the editor, unless <paramref name="client"/> says who.</summary>
    private Task<HttpResponseMessage> Call(
        int expected, HttpMethod method, string url, HttpContent? body = null, Action<HttpRequestHeaders>? headers = null,
        HttpClient? client = null) =>
        run.CallAsync(expected, client ?? host.Editor, method, url, body, headers);

    private static Action<HttpRequestHeaders> IfMatch(EntityTagHeaderValue? tag) => h => h.IfMatch.Add(tag!);

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");

    private static ByteArrayContent Bytes(byte[] bytes) => new(bytes) { Headers = { ContentType = new("application/octet-stream") } };

    private static JsonContent Slug(string slug) => JsonContent.Create(new { slug });

    private static string Fiche(string title, string themes = "decreet-leersteun") =>
        $"---\ntitle: {title}\ntype: fiche\nthemes: [{themes}]\n---\nTekst van de {title.ToLowerInvariant()}.\n";

    /// <summary>More than twice the largest content file, which a write refuses unread.</summary>
    private static string TooLarge => new('x', (2 * ContractHost.MaxFileBytes) + 1);
}
