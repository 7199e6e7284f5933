using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The newsletter screens in Debian's Chromium: compose, preview per role, test mail, cancel, approve, why an issue
/// stopped, and the mails that were refused or are uncertain, which an editor may send again once they confirm it.
/// </summary>
[Collection(EditorPagesHost.Name)]
public sealed class NewsletterEditorPagesTests(SmtpBrowserHost host)
{
    private static readonly string[] Editor = ["redacteur"];

    [Fact]
    public async Task An_editor_approves_a_composed_newsletter_issue()
    {
        var editor = await host.App.ClientFor(Editor);
        var composed = await editor.PostAsync("/api/newsletter/issues?month=2026-09", null);
        composed.EnsureSuccessStatusCode();
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/redactie/nieuwsbrieven?id={id}");
        await Expect(page.Locator("main")).ToContainTextAsync("samengesteld, wacht op goedkeuring");
        await Expect(page.Locator(".mail-preview iframe")).ToBeAttachedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en versturen" }).ClickAsync();

        await Expect(page.Locator("#nummer-status")).ToContainTextAsync("Goedgekeurd");
        var status = (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}"))
            .GetProperty("issue")
            .GetProperty("status")
            .GetString();
        Assert.Contains(status, new[] { "approved", "sending", "sent" });
        Assert.False(string.IsNullOrEmpty(
            (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}")).GetProperty("approvedBy").GetString()));
        // By the name the sign-in gave (without one typed: the roles), never the token's subject.
        await page.ReloadAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("goedgekeurd door POC+-redacteur (ontwikkeling)");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("dev-");
    }

    [Fact]
    public async Task An_editor_composes_an_issue_previews_it_per_role_edits_its_introduction_sends_a_test_mail_and_cancels_it()
    {
        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/redactie/nieuwsbrieven");
        // November 2026 is planned in the content's calendar, so the select offers it whatever today's date.
        await page.GetByLabel("Stel samen voor").SelectOptionAsync(new SelectOptionValue { Label = "november 2026" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Samenstellen" }).ClickAsync();
        // The new page, once committed; its "load" also waits for the mail preview's frame, which the steps below await.
        await page.WaitForURLAsync("**/redactie/nieuwsbrieven?id=*", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("main")).ToContainTextAsync("POC-a-tizer november 2026", new() { Timeout = 15_000 });
        await Expect(page.Locator("section[aria-labelledby=materialen-titel]")).ToContainTextAsync("FAQ vaccinaties");

        // The mail as each role gets it: the doctors' FAQ is in the arts's mail only.
        var mail = page.FrameLocator(".mail-preview iframe").Locator("body");
        await page.Locator("#voorbeeld-rol").SelectOptionAsync("arts");
        await Expect(mail).ToContainTextAsync("FAQ vaccinaties");
        // Styled as the mail is: the frame's document has its own policy, which lets its inline styles apply.
        await Expect(mail).ToHaveCSSAsync("background-color", "rgb(242, 244, 247)");
        await page.Locator("#voorbeeld-rol").SelectOptionAsync("clb-medewerker");
        await Expect(page.Locator(".mail-preview iframe"))
            .ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("CLB-medewerker"));
        await Expect(mail).Not.ToContainTextAsync("FAQ vaccinaties");

        await page.Locator("#intro").FillAsync("Een **nieuwe** inleiding voor de gezondheidsploeg.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inleiding opslaan" }).ClickAsync();
        await Expect(mail.Locator("strong", new() { HasText = "nieuwe" })).ToBeVisibleAsync();

        await page.Locator("#voorbeeld-rol").SelectOptionAsync("arts");
        await page.Locator("#test-adres").FillAsync("redactie@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verstuur testmail" }).ClickAsync();
        await Expect(page.Locator("#nummer-status")).ToContainTextAsync("Testmail verstuurd naar redactie@example.org");
        var test = Assert.Single(host.Smtp.MessagesTo("redactie@example.org")).Parse();
        Assert.StartsWith("[TEST] ", test.Subject);
        // Signed like every mail the host sends (verified against the key in MailSignerTests).
        Assert.Contains("d=example.org; s=poc;", test.Headers[MimeKit.HeaderId.DkimSignature]);
        Assert.Contains("FAQ vaccinaties", test.HtmlBody);
        Assert.Contains("nieuwe", test.HtmlBody);

        // The collection's other tests send mail to the same server: cancelling must add none.
        var sentBefore = host.Smtp.MessageCount;
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Expect(page.Locator("#nummer-status")).ToHaveTextAsync("Geannuleerd.");
        await Expect(page.Locator("main")).ToContainTextAsync("Status: geannuleerd");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en versturen" })).ToHaveCountAsync(0);
        Assert.Equal(sentBefore, host.Smtp.MessageCount);
    }

    [Fact]
    public async Task An_editor_sees_why_an_issue_stopped()
    {
        var id = await ComposeAsync("2026-03");
        await ExecuteAsync(
            $"UPDATE newsletter_issues SET status = 'stopped', note = '{StopReason}' WHERE id = {id}");
        var page = await host.SignInAsync(Editor);

        await page.GotoAsync($"/redactie/nieuwsbrieven?id={id}");

        await Expect(page.Locator("main")).ToContainTextAsync("Status: gestopt");
        await Expect(page.Locator(".notice.error")).ToContainTextAsync("Waarom gestopt: " + StopReason);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en versturen" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_editor_sees_refused_and_uncertain_mails_and_sends_an_uncertain_one_again_only_once_confirmed()
    {
        await ExecuteAsync("""
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre) VALUES
            ('onzeker@example.org', 'onzeker@example.org', 'Onzekere Lezer', '{clb-medewerker}', 'gent'),
            ('geweigerd@example.org', 'geweigerd@example.org', 'Geweigerde Lezer', '{clb-medewerker}', 'gent')
            """);
        var editor = await host.App.ClientFor(Editor);
        var id = await ComposeAsync("2026-04");
        (await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => await StatusAsync(editor, id) == "sent", "the issue was not sent", seconds: 120);
        // What a killed run leaves, and what a refusing server's answer is recorded as.
        await ExecuteAsync($"""
            UPDATE newsletter_deliveries d SET status = 'uncertain' FROM newsletter_subscribers s
            WHERE d.issue_id = {id} AND s.id = d.subscriber_id AND s.email = 'onzeker@example.org';
            UPDATE newsletter_deliveries d SET status = 'failed', server_response = '550 5.1.1 Recipient address rejected'
            FROM newsletter_subscribers s WHERE d.issue_id = {id} AND s.id = d.subscriber_id AND s.email = 'geweigerd@example.org'
            """);
        var page = await host.SignInAsync(Editor);
        var confirmed = false;
        page.Dialog += async (_, dialog) =>
        {
            if (confirmed)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };
        await page.GotoAsync($"/redactie/nieuwsbrieven?id={id}");

        await Expect(page.Locator("#onzeker-titel")).ToHaveTextAsync("Onzekere mails (1)");
        await Expect(page.Locator("section[aria-labelledby=geweigerd-titel]")).ToContainTextAsync("550 5.1.1 Recipient address rejected");
        var resend = page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw versturen" });
        await resend.ClickAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(host.Smtp.MessagesTo("onzeker@example.org"));

        confirmed = true;
        await resend.ClickAsync();

        await Expect(page.Locator("#nummer-status")).ToHaveTextAsync("De mail aan onzeker@example.org wordt opnieuw verstuurd.");
        await Eventually.TrueAsync(
            () => host.Smtp.MessagesTo("onzeker@example.org").Count == 2, "the uncertain mail was not sent again", seconds: 60);
        Assert.Single(host.Smtp.MessagesTo("geweigerd@example.org"));
        Assert.Equal("sent", await StatusAsync(editor, id));
    }

    private const string StopReason =
        "Gestopt na 25 mislukte mails op rij; laatste antwoord van de server: 421 4.3.2 Service not available";

    private async Task<long> ComposeAsync(string month)
    {
        var composed = await (await host.App.ClientFor(Editor)).PostAsync($"/api/newsletter/issues?month={month}", null);
        composed.EnsureSuccessStatusCode();
        return (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
    }

    private static async Task<string?> StatusAsync(HttpClient editor, long id) =>
        (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}"))
            .GetProperty("issue").GetProperty("status").GetString();

    private Task ExecuteAsync(string sql) => TestPostgres.ExecuteAsync(host.App.ConnectionString, sql);
}
