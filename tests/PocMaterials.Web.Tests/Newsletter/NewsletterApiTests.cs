using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The POC-a-tizer through the real host, its Hangfire server on PostgreSQL and the outbox (no SMTP
/// server configured): compose, preview, approve, send, cancel, test mails and the archive.
/// </summary>
public sealed class NewsletterApiTests : NewsletterApiHost
{
    [Fact]
    public async Task Issues_are_for_editors_only()
    {
        var staff = await App.ClientFor(["clb-medewerker", "directeur"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/newsletter/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/newsletter/issues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync("/api/newsletter/issues?month=2026-12", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Editor.GetAsync("/api/newsletter/issues")).StatusCode);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_is_for_editors_only()
    {
        var staff = await App.ClientFor(["clb-medewerker"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Editor.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task A_preview_shows_what_a_role_would_receive()
    {
        var id = await ComposeAsync("2026-12");

        var staff = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/preview"));
        var doctor = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/preview?role=arts"));
        var unknown = await Editor.GetAsync($"/api/newsletter/issues/{id}/preview?role=piloot");

        Assert.DoesNotContain("Medische fiche", staff.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("Medische fiche", doctor.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task An_approved_issue_is_sent_once_to_each_active_subscriber_who_may_see_something()
    {
        var id = await ComposeAsync("2026-12");
        var edited = await Editor.PutAsJsonAsync($"/api/newsletter/issues/{id}/intro", new { markdown = "Een **nieuwe** intro." });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);
        var twice = await Editor.PostAsync($"/api/newsletter/issues/{id}/approve", null);
        await WaitForStatusAsync(id, "sent");

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Editor.PostAsync($"/api/newsletter/issues/{id}/cancel", null)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await Editor.PutAsJsonAsync($"/api/newsletter/issues/{id}/intro", new { markdown = "Te laat." })).StatusCode);
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
    public async Task Deliveries_come_a_page_at_a_time_with_their_total_and_the_report_counts_who_unsubscribed_after_the_issue()
    {
        var id = await SendAsync("2026-12");
        var unsubscribe = await App.CreateClient().PostAsync(PathOf(await UnsubscribeUrlAsync("els@example.org")), null);

        var first = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/deliveries?pageSize=1"));
        var second = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/deliveries?pageSize=1&page=2"));
        var sent = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/deliveries?status=sent&page=3&pageSize=1"));
        var tooLarge = await Editor.GetAsync($"/api/newsletter/issues/{id}/deliveries?pageSize=1001");
        var report = await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}/report"));
        var csv = await Editor.GetStringAsync($"/api/newsletter/issues/{id}/report?format=csv");

        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        Assert.Equal((1, 1, 2L), (first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), Total(first)));
        var emails = new[] { first, second }
            .Select(p => p.GetProperty("deliveries").EnumerateArray().Single().GetProperty("email").GetString());
        Assert.Equal(["dokter@example.org", "els@example.org"], emails.Order());
        Assert.Equal((2L, 0), (Total(sent), sent.GetProperty("deliveries").GetArrayLength()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(1, report.GetProperty("unsubscribed").GetInt64());
        Assert.Equal(1, report.GetProperty("centres").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "gent")
            .GetProperty("unsubscribed").GetInt64());
        Assert.StartsWith("group,id,label,sent,unique_opens,clicks,unsubscribed,failed,uncertain", csv, StringComparison.Ordinal);
        Assert.Contains("total,,,2,0,0,1,0,0", csv, StringComparison.Ordinal);
    }

    private static long Total(JsonElement page) => page.GetProperty("total").GetInt64();

    /// <summary>The unsubscribe link of the mail a subscriber received.</summary>
    private async Task<string> UnsubscribeUrlAsync(string email)
    {
        var subscriber = await CountAsync($"SELECT id FROM newsletter_subscribers WHERE email = '{email}'");
        return App.Services.GetRequiredService<PocMaterials.Newsletter.Subscribers.UnsubscribeLinks>().UrlFor(subscriber);
    }

    [Fact]
    public async Task A_cancelled_issue_cannot_be_approved_and_bad_requests_change_nothing()
    {
        var id = await ComposeAsync("2027-04");

        Assert.Equal(HttpStatusCode.OK, (await Editor.PostAsync($"/api/newsletter/issues/{id}/cancel", null)).StatusCode);
        var approve = await Editor.PostAsync($"/api/newsletter/issues/{id}/approve", null);
        var badMonth = await Editor.PostAsync("/api/newsletter/issues?month=2027-13", null);
        var badAddress = await Editor.PostAsJsonAsync(
            $"/api/newsletter/issues/{id}/test", new { email = "niet-een-adres", roles = Array.Empty<string>() });
        var notUncertain = await Editor.PostAsync($"/api/newsletter/issues/{id}/deliveries/1/resend", null);

        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal("application/problem+json", approve.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notUncertain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync("/api/newsletter/issues/999999")).StatusCode);
        Assert.Equal(
            "cancelled",
            (await Json(await Editor.GetAsync($"/api/newsletter/issues/{id}"))).GetProperty("issue").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_cancelled_month_is_composed_anew_and_the_new_issue_is_approved_and_sent()
    {
        var cancelled = await ComposeAsync("2026-12");
        Assert.Equal(HttpStatusCode.OK, (await Editor.PostAsync($"/api/newsletter/issues/{cancelled}/cancel", null)).StatusCode);

        var id = await SendAsync("2026-12");

        Assert.NotEqual(cancelled, id);
        var issues = (await Json(await Editor.GetAsync("/api/newsletter/issues"))).EnumerateArray()
            .Select(i => (i.GetProperty("id").GetInt64(), i.GetProperty("month").GetString(), i.GetProperty("status").GetString()));
        Assert.Equal([(id, "2026-12", "sent"), (cancelled, "2026-12", "cancelled")], issues);
        var mails = Outbox();
        Assert.Equal(["dokter@example.org", "els@example.org"], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        // Not the ids of the cancelled issue's mails: a receiving server must not take the new ones for those.
        Assert.All(mails, m => Assert.StartsWith($"poc-a-tizer.2026-12.{id}.", m.MessageId, StringComparison.Ordinal));
        var archived = await Json(await (await App.ClientFor(["clb-medewerker"])).GetAsync("/api/newsletters/2026-12"));
        Assert.Equal("2026-12", archived.GetProperty("month").GetString());
    }

    [Fact]
    public async Task A_test_mail_goes_to_one_address_as_the_chosen_roles_would_receive_it_and_is_never_counted()
    {
        var id = await ComposeAsync("2027-05");

        var response = await Editor.PostAsJsonAsync(
            $"/api/newsletter/issues/{id}/test", new { email = "Redacteur <redactie@example.org>", roles = new[] { "arts" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var test = Outbox().Single(m => (m.Subject ?? "").StartsWith("[TEST]", StringComparison.Ordinal)
            && m.To.Mailboxes.Single().Address == "redactie@example.org");
        Assert.Contains("Medische fiche", test.HtmlBody, StringComparison.Ordinal);
        var pixel = PathOf(OpenPixel().Match(WebUtility.HtmlDecode(test.HtmlBody ?? "")).Groups[1].Value);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(HttpStatusCode.OK, (await Get(pixel, "Mozilla/5.0 Thunderbird/128.0")).StatusCode);
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM newsletter_events WHERE issue_id = {id}"));
        Assert.Equal(0, await CountAsync($"SELECT count(*) FROM newsletter_deliveries WHERE issue_id = {id}"));
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
        Assert.Contains(
            "/materials/faq-leersteun?source=newsletter",
            WebUtility.HtmlDecode(forStaff.GetProperty("html").GetString()),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/newsletters/2031-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/newsletters/maart")).StatusCode);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM newsletter_events WHERE kind = 'archive_view'"));
    }
}
