using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The POC-a-tizer through the real host, its Hangfire server on PostgreSQL and the outbox (no SMTP
/// server configured): compose, approve, send, read, click and report.
/// </summary>
public sealed partial class NewsletterApiTests : HostFixture
{
    private HttpClient _editor = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Newsletter:PublicBaseUrl"] = "https://poc.example.org",
        ["Newsletter:ScannerWindow"] = "00:00:01",
    };

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]\npublished: 2026-11-10", "## Wie vraagt leersteun aan?\nDe school.\n");
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\npublished: 2026-11-11");
        Folder.WriteMaterial("medisch-leersteun", "title: Medische fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\nroles: [arts]\npublished: 2026-11-12");
        Folder.WriteMaterial("los", "title: Losse fiche\ntype: fiche");
        Folder.Write("content/newsletter.yml", "2026-12: decreet-leersteun\n");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        _editor = await App.ClientFor(["redacteur"]);
        await ExecuteAsync("""
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, unsubscribed_at) VALUES
            ('els@example.org', 'els@example.org', 'Els', '{clb-medewerker}', 'gent', NULL),
            ('dokter@example.org', 'dokter@example.org', 'Dokter Jan', '{arts}', 'brussel', NULL),
            ('weg@example.org', 'weg@example.org', 'Weg', '{clb-medewerker}', 'gent', now())
            """);
    }

    [Fact]
    public async Task Issues_are_for_editors_only()
    {
        var staff = await App.ClientFor(["clb-medewerker", "directeur"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/newsletter/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/newsletter/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/newsletter/issues?month=2026-12", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _editor.GetAsync("/api/newsletter/issues")).StatusCode);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_for_editors_only()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _editor.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_preview_shows_what_a_role_would_receive()
    {
        var id = await ComposeAsync("2026-12");

        var staff = await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}/preview"));
        var doctor = await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}/preview?role=arts"));
        var unknown = await _editor.GetAsync($"/api/newsletter/issues/{id}/preview?role=piloot");

        Assert.DoesNotContain("Medische fiche", staff.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("Medische fiche", doctor.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task An_approved_issue_is_sent_once_to_each_active_subscriber_who_may_see_something()
    {
        var id = await ComposeAsync("2026-12");
        var edited = await _editor.PutAsJsonAsync($"/api/newsletter/issues/{id}/intro", new { markdown = "Een **nieuwe** intro." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);
        var twice = await _editor.PostAsync($"/api/newsletter/issues/{id}/approve", null);
        await WaitForStatusAsync(id, "sent");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _editor.PostAsync($"/api/newsletter/issues/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _editor.PutAsJsonAsync($"/api/newsletter/issues/{id}/intro", new { markdown = "Te laat." })).StatusCode);
        var mails = Outbox().ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["dokter@example.org", "els@example.org"], mails.Keys.Order());
        var els = mails["els@example.org"];
        Assert.Contains("<strong>nieuwe</strong>", els.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Medische fiche", els.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Medische fiche", mails["dokter@example.org"].HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", els.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^<https://poc.example.org/newsletter/unsubscribe\\?token=[^>]+>$", els.Headers["List-Unsubscribe"]);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
    }

    [Fact]
    public async Task A_cancelled_issue_cannot_be_approved_and_bad_requests_change_nothing()
    {
        var id = await ComposeAsync("2027-04");

        Assert.Equal(HttpStatusCode.OK, (await _editor.PostAsync($"/api/newsletter/issues/{id}/cancel", null)).StatusCode);
        var approve = await _editor.PostAsync($"/api/newsletter/issues/{id}/approve", null);
        var badMonth = await _editor.PostAsync("/api/newsletter/issues?month=2027-13", null);
        var badAddress = await _editor.PostAsJsonAsync($"/api/newsletter/issues/{id}/test", new { email = "niet-een-adres", roles = Array.Empty<string>() });
        var notUncertain = await _editor.PostAsync($"/api/newsletter/issues/{id}/deliveries/1/resend", null);

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal("application/problem+json", approve.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notUncertain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _editor.GetAsync("/api/newsletter/issues/999999")).StatusCode);
        Assert.Equal("cancelled", (await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}"))).GetProperty("issue").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_test_mail_goes_to_one_address_as_the_chosen_roles_would_receive_it_and_is_never_counted()
    {
        var id = await ComposeAsync("2027-05");

        var response = await _editor.PostAsJsonAsync($"/api/newsletter/issues/{id}/test", new { email = "Redacteur <redactie@example.org>", roles = new[] { "arts" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var test = Outbox().Single(m => (m.Subject ?? "").StartsWith("[TEST]", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "redactie@example.org");
        Assert.Contains("Medische fiche", test.HtmlBody, StringComparison.Ordinal);
        var pixel = PathOf(OpenPixel().Match(WebUtility.HtmlDecode(test.HtmlBody ?? "")).Groups[1].Value);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await Get(pixel, "Mozilla/5.0 Thunderbird/128.0")).StatusCode);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM newsletter_events WHERE issue_id = {id}"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM newsletter_deliveries WHERE issue_id = {id}"));
    }

    [Fact]
    public async Task Opens_and_clicks_are_counted_scanners_apart_and_a_click_leads_only_to_the_issues_materials()
    {
        var id = await SendAsync("2027-01");
        var mail = Outbox().Single(m => m.To.Mailboxes.Single().Address == "els@example.org");
        var html = WebUtility.HtmlDecode(mail.HtmlBody ?? "");
        var pixel = PathOf(OpenPixel().Match(html).Groups[1].Value);
        var click = PathOf(ClickLinks().Matches(html).Select(m => m.Groups[1].Value).First());

        // Within the scanner window of the delivery, or HEAD, or a scanner's user agent: apart.
        await Get(pixel, "Mozilla/5.0");
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await Get(pixel, "Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0");
        await Get(pixel, "Mozilla/5.0 (compatible; GoogleImageProxy)");
        await App.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, click));
        var redirect = await Get(click, "Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0");

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var target = redirect.Headers.Location!;
        Assert.Matches("^https://poc.example.org/materials/[a-z0-9-]+\\?source=newsletter$", target.ToString());
        Assert.Equal(2, await CountAsync($"SELECT sum(count) FROM newsletter_events WHERE issue_id = {id} AND NOT automated"));
        Assert.Equal(3, await CountAsync($"SELECT sum(count) FROM newsletter_events WHERE issue_id = {id} AND automated"));
        // The click is the mail's figure; the view is recorded once, by the reader opening the material.
        var reader = await App.ClientFor(["clb-medewerker"], "brussel");
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api" + target.PathAndQuery)).StatusCode);
        await App.WaitForCountAsync("SELECT count(*) FROM material_views WHERE source = 'newsletter' AND centre = 'brussel'", 1);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM material_views WHERE source = 'newsletter'"));

        var report = await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}/report"));
        Assert.Equal(2, report.GetProperty("sent").GetInt64());
        Assert.Equal(1, report.GetProperty("uniqueOpens").GetInt64());
        Assert.Equal(1, report.GetProperty("clicks").GetInt64());
        Assert.Equal(2, report.GetProperty("automatedOpens").GetInt64());
        Assert.Contains("brussel", report.GetProperty("centresNotReached").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("gent", report.GetProperty("centresNotReached").EnumerateArray().Select(c => c.GetString()));
        var csv = await _editor.GetAsync($"/api/newsletter/issues/{id}/report?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_readers_repeated_opens_and_clicks_are_counted_in_one_row_each_and_reported_in_total_and_by_reader()
    {
        var id = await SendAsync("2027-04");
        var html = WebUtility.HtmlDecode(Outbox().Single(m => m.To.Mailboxes.Single().Address == "els@example.org").HtmlBody ?? "");
        var pixel = PathOf(OpenPixel().Match(html).Groups[1].Value);
        var click = PathOf(ClickLinks().Matches(html).Select(m => m.Groups[1].Value).First());
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        for (var i = 0; i < 200; i++)
        {
            await Get(click, "Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0");
            await Get(pixel, "Mozilla/5.0 (Windows NT 10.0) Thunderbird/128.0");
        }

        Assert.Equal(2, await CountAsync($"SELECT count(*) FROM newsletter_events WHERE issue_id = {id}"));
        Assert.Equal(1, await CountAsync($"SELECT count(*) FROM newsletter_events WHERE issue_id = {id} AND kind = 'click' AND count = 200 AND last_at > first_at"));
        var report = await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}/report"));
        Assert.Equal(200, report.GetProperty("clicks").GetInt64());
        Assert.Equal(1, report.GetProperty("uniqueClickers").GetInt64());
        Assert.Equal(1, report.GetProperty("uniqueOpens").GetInt64());
        var link = report.GetProperty("links").EnumerateArray().Single();
        Assert.Equal((200, 1), (link.GetProperty("clicks").GetInt64(), link.GetProperty("uniqueClickers").GetInt64()));
    }

    [Theory]
    [InlineData("/n/c/bm90LWEtdG9rZW4.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/n/c/garbage")]
    [InlineData("/n/c/..%2F..%2Fhangfire")]
    public async Task A_tampered_click_token_is_a_400_and_redirects_nowhere(string path)
    {
        var response = await App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("los")]
    [InlineData("https://evil.example.org")]
    public async Task A_signed_click_for_a_link_outside_the_issue_is_refused(string target)
    {
        var id = await ComposeAsync("2027-02");
        var links = App.Services.GetRequiredService<NewsletterLinks>();

        var response = await App.CreateClient().GetAsync(PathOf(links.Click(id, 1, target)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_sent_issue_is_kept_on_the_web_for_each_role()
    {
        await SendAsync("2027-03");
        var staff = await App.ClientFor(["clb-medewerker"]);
        var doctor = await App.ClientFor(["arts"]);

        var list = await Json(await staff.GetAsync("/api/newsletters"));
        var forStaff = await Json(await staff.GetAsync("/api/newsletters/2027-03"));
        var forDoctor = await Json(await doctor.GetAsync("/api/newsletters/2027-03"));

        Assert.Contains("2027-03", list.EnumerateArray().Select(i => i.GetProperty("month").GetString()));
        Assert.DoesNotContain("Medische fiche", forStaff.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("Medische fiche", forDoctor.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("/materials/faq-leersteun?source=newsletter", WebUtility.HtmlDecode(forStaff.GetProperty("html").GetString()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/newsletters/2031-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/newsletters/maart")).StatusCode);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM newsletter_events WHERE kind = 'archive_view'"));
    }

    [Fact]
    public async Task The_recurring_job_composes_the_issue_of_the_month_through_the_Hangfire_server()
    {
        App.Services.GetRequiredService<IRecurringJobManager>().Trigger(ComposeIssueJob.RecurringJobId);

        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(async () => await CountAsync($"SELECT count(*) FROM newsletter_issues WHERE to_char(month, 'YYYY-MM') = '{month}'") > 0,
            "the recurring job did not compose the issue", seconds: 120);
        var issue = (await Json(await _editor.GetAsync("/api/newsletter/issues"))).EnumerateArray().Single(i => i.GetProperty("month").GetString() == month);
        Assert.Equal("composed", issue.GetProperty("status").GetString());
    }

    private async Task<long> ComposeAsync(string month)
    {
        var response = await _editor.PostAsync($"/api/newsletter/issues?month={month}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).GetProperty("issue").GetProperty("id").GetInt64();
    }

    private async Task<long> SendAsync(string month)
    {
        var id = await ComposeAsync(month);
        Assert.Equal(HttpStatusCode.OK, (await _editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);
        await WaitForStatusAsync(id, "sent");
        return id;
    }

    private Task WaitForStatusAsync(long id, string status) =>
        Eventually.TrueAsync(async () => (await Json(await _editor.GetAsync($"/api/newsletter/issues/{id}"))).GetProperty("issue").GetProperty("status").GetString() == status,
            $"issue {id} did not become {status}", seconds: 120);

    private List<MimeMessage> Outbox()
    {
        var folder = Path.Combine(Folder.DataPath, "outbox");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).ToList() : [];
    }

    private async Task<HttpResponseMessage> Get(string path, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(request);
    }

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<long> CountAsync(string sql) => App.CountAsync(sql);

    private Task ExecuteAsync(string sql) => TestPostgres.ExecuteAsync(App.ConnectionString, sql);

    [GeneratedRegex("<img src=\"([^\"]+/n/o/[^\"]+)\"")]
    private static partial Regex OpenPixel();

    [GeneratedRegex("href=\"([^\"]+/n/c/[^\"]+)\"")]
    private static partial Regex ClickLinks();
}
