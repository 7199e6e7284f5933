using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The POC-a-tizer: the test's own subscribers; a December issue that is tested, edited and sent to them; a January issue
/// only doctors would see, which is cancelled; the archive, a mail's click and unsubscribing. Before any material is
/// viewed, so that no most-viewed material joins an issue.
/// </summary>
public sealed partial class ContractCalls
{
    private const string Issues = "/api/newsletter/issues";

    private async Task SubscribersAsync()
    {
        const string Import = "/api/newsletter/subscribers/import";
        const string Header = "email,name,roles,centre\n";
        await Call(200, HttpMethod.Post, Import, Csv(Header + "lezer@example.org,Lezer,,gent\nuitschrijver@example.org,Uitschrijver,,\n"));
        await Call(422, HttpMethod.Post, Import, Csv(Header + "geen-adres,Niemand,,\n"));
        await Call(413, HttpMethod.Post, Import, Csv(new string('x', SubscriberCsv.MaxBytes + 1)));
        await Call(200, HttpMethod.Post, Import + "?dryRun=true", Csv(Header + "voorbeeld@example.org,Voorbeeld,,\n"));
        var one = new { email = "een@example.org", name = "Een", roles = new[] { "arts" } };
        await Call(201, HttpMethod.Post, "/api/newsletter/subscribers", JsonContent.Create(one));
        await Call(200, HttpMethod.Post, "/api/newsletter/subscribers", JsonContent.Create(one));
        await Call(422, HttpMethod.Post, "/api/newsletter/subscribers", JsonContent.Create(new { email = "geen-adres", name = "" }));
        await Get(200, "/api/newsletter/subscribers?q=een");
        var subscribers = await Get(200, "/api/newsletter/subscribers?pageSize=200");
        await Get(400, "/api/newsletter/subscribers?page=0");

        using var page = JsonDocument.Parse(await subscribers.Content.ReadAsStringAsync());
        var leaving = page.RootElement.GetProperty("subscribers").EnumerateArray()
            .Single(s => s.GetProperty("email").GetString() == "uitschrijver@example.org").GetProperty("id").GetInt64();
        var links = host.App.Services.GetRequiredService<UnsubscribeLinks>();
        var unsubscribe = $"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(links.TokenFor(leaving))}";
        var nobody = $"{UnsubscribeLinks.Path}?token={Uri.EscapeDataString(links.TokenFor(987_654))}";
        var een = page.RootElement.GetProperty("subscribers").EnumerateArray()
            .Single(s => s.GetProperty("email").GetString() == "een@example.org").GetProperty("id").GetInt64();
        await Call(204, HttpMethod.Delete, $"/api/newsletter/subscribers/{een}");
        await Call(409, HttpMethod.Post, "/api/newsletter/subscribers", JsonContent.Create(one));
        await Call(404, HttpMethod.Delete, "/api/newsletter/subscribers/987654");
        await Call(200, HttpMethod.Get, unsubscribe, client: host.Anonymous);
        await Call(200, HttpMethod.Post, unsubscribe, client: host.Anonymous);
        await Call(404, HttpMethod.Get, nobody, client: host.Anonymous);
        await Call(404, HttpMethod.Post, nobody, client: host.Anonymous);
    }

    private async Task NewsletterAsync()
    {
        var december = await IssueAsync(await Call(200, HttpMethod.Post, $"{Issues}?month=2026-12"));
        var january = await IssueAsync(await Call(200, HttpMethod.Post, $"{Issues}?month=2027-01"));
        // Both themes were featured in the latest issues, and the calendar plans nothing for February.
        await Call(422, HttpMethod.Post, $"{Issues}?month=2027-02");
        await Call(400, HttpMethod.Post, $"{Issues}?month=december");
        await Get(200, Issues);
        await Get(200, december);
        foreach (var preview in new[] { "preview", "preview.html" })
        {
            await Get(200, $"{december}/{preview}");
            await Get(400, $"{december}/{preview}?role=geen-rol");
            await Get(422, $"{january}/{preview}?role=verpleegkundige");
        }
        await Call(200, HttpMethod.Post, $"{december}/test", JsonContent.Create(new { email = "test@example.org" }));
        await Call(400, HttpMethod.Post, $"{december}/test", JsonContent.Create(new { email = "geen-adres" }));
        await Call(502, HttpMethod.Post, $"{december}/test", JsonContent.Create(new { email = ContractHost.RefusingAddress }));
        var nurse = new { email = "test@example.org", roles = new[] { "verpleegkundige" } };
        await Call(422, HttpMethod.Post, $"{january}/test", JsonContent.Create(nurse));
        await Call(404, HttpMethod.Post, $"{Issues}/987654/test", JsonContent.Create(new { email = "test@example.org" }));
        await Call(200, HttpMethod.Put, $"{december}/intro", JsonContent.Create(new { markdown = "Een nieuwe inleiding." }));
        await Call(400, HttpMethod.Put, $"{december}/intro", JsonContent.Create(new { markdown = "" }));
        await Call(404, HttpMethod.Put, $"{Issues}/987654/intro", JsonContent.Create(new { markdown = "Voor niemand." }));
        await Get(200, $"{december}/deliveries");
        await Get(200, $"{december}/progress");
        await Get(404, $"{Issues}/987654/progress");
        await Get(400, $"{december}/deliveries?status=geen");
        await Get(200, $"{december}/report");
        await Get(200, $"{december}/report?format=csv");
        await Get(400, $"{december}/report?format=geen");

        await Call(200, HttpMethod.Post, $"{january}/cancel");
        await Call(409, HttpMethod.Post, $"{january}/cancel");
        await Call(409, HttpMethod.Post, $"{january}/approve");
        await Call(200, HttpMethod.Post, $"{december}/approve");
        await Eventually.TrueAsync(async () => await StatusAsync(december) == "sent", "the December issue is not sent", seconds: 60);
        await Call(409, HttpMethod.Put, $"{december}/intro", JsonContent.Create(new { markdown = "Te laat." }));
        await BouncesAsync(december);

        await Get(200, "/api/newsletters");
        var sent = await Get(200, "/api/newsletters/2026-12");
        await ClickAsync(december, sent);
    }

    /// <summary>A material link of the sent issue, as a test mail carries it (subscriber 0: not counted).</summary>
    private async Task ClickAsync(string issue, HttpResponseMessage archived)
    {
        using var detail = JsonDocument.Parse(await host.Editor.GetStringAsync(issue));
        var id = detail.RootElement.GetProperty("issue").GetProperty("id").GetInt64();
        var slug = detail.RootElement.GetProperty("titles").EnumerateObject().First().Name;
        Assert.Contains(slug, await archived.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var click = new Uri(host.App.Services.GetRequiredService<NewsletterLinks>().Click(id, 0, slug)).PathAndQuery;
        await Call(302, HttpMethod.Get, click, client: host.Anonymous);
        await Call(302, HttpMethod.Head, click, client: host.Anonymous);
    }

    private async Task<string> StatusAsync(string issue)
    {
        using var detail = JsonDocument.Parse(await host.Editor.GetStringAsync(issue));
        return detail.RootElement.GetProperty("issue").GetProperty("status").GetString()!;
    }

    private static async Task<string> IssueAsync(HttpResponseMessage composed)
    {
        using var detail = JsonDocument.Parse(await composed.Content.ReadAsStringAsync());
        return $"{Issues}/{detail.RootElement.GetProperty("issue").GetProperty("id").GetInt64()}";
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>A hard bounce of the December mail to one reader suppresses them; an editor reactivates them.</summary>
    private async Task BouncesAsync(string december)
    {
        var reader = await host.App.CountAsync("SELECT id FROM newsletter_subscribers WHERE email = 'lezer@example.org'");
        var issueId = long.Parse(december.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var delivery = new BouncedDelivery(issueId, reader);
        var bounce = new BounceNotice("contract-bounce", BounceKind.Hard, delivery, "5.1.1", "550 5.1.1 unknown");
        await host.App.Services.GetRequiredService<BounceStore>().RecordAsync([bounce], 3, 30, CancellationToken.None);
        await Get(200, $"{december}/bounces");
        await Get(200, "/api/newsletter/suppressed");
        await Get(400, "/api/newsletter/suppressed?pageSize=0");
        await Call(204, HttpMethod.Post, $"/api/newsletter/suppressed/{reader}/reactivate");
        await Call(404, HttpMethod.Post, $"/api/newsletter/suppressed/{reader}/reactivate");
    }
}
