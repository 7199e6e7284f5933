using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// A host per test (xunit makes a class instance per test) for the POC-a-tizer API tests: three materials on a theme of
/// the newsletter calendar, three subscribers (one unsubscribed), an editor's client, and what the tests ask of the host.
/// </summary>
public abstract partial class NewsletterApiHost : HostFixture
{
    protected HttpClient Editor { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Newsletter:PublicBaseUrl"] = "https://poc.example.org",
        ["Newsletter:ScannerWindow"] = "00:00:01",
    };

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial(
            "faq-leersteun",
            "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]\npublished: 2026-11-10",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\npublished: 2026-11-11");
        Folder.WriteMaterial(
            "medisch-leersteun",
            "title: Medische fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\nroles: [arts]\npublished: 2026-11-12");
        Folder.WriteMaterial("los", "title: Losse fiche\ntype: fiche");
        Folder.Write("content/newsletter.yml", "2026-12: decreet-leersteun\n");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        Editor = await App.ClientFor(["redacteur"]);
        await ExecuteAsync("""
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, unsubscribed_at) VALUES
            ('els@example.org', 'els@example.org', 'Els', '{clb-medewerker}', 'gent', NULL),
            ('dokter@example.org', 'dokter@example.org', 'Dokter Jan', '{arts}', 'brussel', NULL),
            ('weg@example.org', 'weg@example.org', 'Weg', '{clb-medewerker}', 'gent', now())
            """);
    }

    protected async Task<long> ComposeAsync(string month)
    {
        var response = await Editor.PostAsync($"/api/newsletter/issues?month={month}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).GetProperty("issue").GetProperty("id").GetInt64();
    }

    protected async Task<long> SendAsync(string month)
    {
        var id = await ComposeAsync(month);
        Assert.Equal(HttpStatusCode.OK, (await Editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);
        await WaitForStatusAsync(id, "sent");
        return id;
    }

    protected Task WaitForStatusAsync(long id, string status) =>
        Eventually.TrueAsync(
            async () => (await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}")))
                .GetProperty("issue")
                .GetProperty("status")
                .GetString() == status,
            $"issue {id} did not become {status}", seconds: 120);

    protected List<MimeMessage> Outbox()
    {
        var folder = Path.Combine(Folder.DataPath, "outbox");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    protected async Task<HttpResponseMessage> Get(string path, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await App.CreateClient(
                new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .SendAsync(request);
    }

    protected static string PathOf(string url) => new Uri(url).PathAndQuery;

    protected static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    protected Task<long> CountAsync(string sql) => App.CountAsync(sql);

    private Task ExecuteAsync(string sql) => TestPostgres.ExecuteAsync(App.ConnectionString, sql);

    [GeneratedRegex("<img src=\"([^\"]+/n/o/[^\"]+)\"")]
    protected static partial Regex OpenPixel();

    [GeneratedRegex("href=\"([^\"]+/n/c/[^\"]+)\"")]
    protected static partial Regex ClickLinks();
}
