using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Newsletter.Tracking;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The POC-a-tizer's opens and clicks through the real host: counted with scanners apart, reported, and a click
/// leads only to the issue's own materials.
/// </summary>
public sealed class NewsletterTrackingTests : NewsletterApiHost
{
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

        var report = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/report"));
        Assert.Equal(2, report.GetProperty("sent").GetInt64());
        Assert.Equal(1, report.GetProperty("uniqueOpens").GetInt64());
        Assert.Equal(1, report.GetProperty("clicks").GetInt64());
        Assert.Equal(2, report.GetProperty("automatedOpens").GetInt64());
        Assert.Contains("brussel", report.GetProperty("centresNotReached").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain("gent", report.GetProperty("centresNotReached").EnumerateArray().Select(c => c.GetString()));
        var csv = await Editor.GetAsync($"/api/newsletter/issues/{id}/report?format=csv");
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
        Assert.Equal(1, await CountAsync(
            $"SELECT count(*) FROM newsletter_events WHERE issue_id = {id} AND kind = 'click' AND count = 200 AND last_at > first_at"));
        var report = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/report"));
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

    [Fact]
    public async Task A_damaged_click_link_opened_in_a_browser_shows_a_dutch_page_with_a_way_back()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/n/c/garbage");
        request.Headers.Accept.ParseAdd(UnsubscribeTests.Browser);

        var response = await App.CreateClient().SendAsync(request);

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Deze link werkt niet</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/zoeken\">Naar de materialenbank</a>", html, StringComparison.Ordinal);
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
}
