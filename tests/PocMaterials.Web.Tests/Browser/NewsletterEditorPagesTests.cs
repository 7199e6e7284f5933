using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PocMaterials.Testing.Smtp;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The newsletter screens in Debian's Chromium: compose, preview per role, test mail, cancel, approve.</summary>
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
    }

    [Fact]
    public async Task An_editor_composes_an_issue_previews_it_per_role_edits_its_introduction_sends_a_test_mail_and_cancels_it()
    {
        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/redactie/nieuwsbrieven");
        await page.Locator("#maand").FillAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Samenstellen" }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/nieuwsbrieven?id=*");
        await Expect(page.Locator("main")).ToContainTextAsync("POC-a-tizer november 2026");
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
}
