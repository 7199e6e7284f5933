using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// After a send, in Debian's Chromium: the issue's progress and bounces, and the suppressed addresses with the reason
/// and the receiving server's answer, one of which an editor sends to again once confirmed.
/// </summary>
[Collection(EditorPagesHost.Name)]
public sealed class NewsletterBouncePagesTests(SmtpBrowserHost host)
{
    private static readonly string[] Editor = ["redacteur"];

    [Fact]
    public async Task An_editor_sees_the_progress_and_bounces_of_an_issue_and_reactivates_a_suppressed_address()
    {
        await TestPostgres.ExecuteAsync(host.App.ConnectionString, """
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre)
            VALUES ('vertrokken@example.org', 'vertrokken@example.org', 'Vertrokken Lezer', '{clb-medewerker}', 'gent')
            """);
        var editor = await host.App.ClientFor(Editor);
        var composed = await editor.PostAsync("/api/newsletter/issues?month=2026-03", null);
        composed.EnsureSuccessStatusCode();
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
        (await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}"))
            .GetProperty("issue").GetProperty("status").GetString() == "sent", "the issue was not sent", seconds: 120);
        // What the bounce job records when the address's server answers 5.1.1 (BounceMailboxTests reads real bounces).
        var subscriber = await host.App.CountAsync("SELECT id FROM newsletter_subscribers WHERE email = 'vertrokken@example.org'");
        var bounce = new BounceNotice("pagina-bounce", BounceKind.Hard, new BouncedDelivery(id, subscriber), "5.1.1",
            "smtp; 550 5.1.1 <vertrokken@example.org>: Recipient address rejected: User unknown");
        await host.App.Services.GetRequiredService<BounceStore>().RecordAsync([bounce], 3, 30, CancellationToken.None);

        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/redactie/nieuwsbrieven?id={id}");

        var progress = page.Locator("section[aria-labelledby=voortgang-titel]");
        await Expect(progress.Locator("progress")).ToBeVisibleAsync();
        await Expect(progress).ToContainTextAsync("0 wachten nog");
        await Expect(progress).ToContainTextAsync("1 teruggekomen (bounces)");
        await Expect(page.Locator("section[aria-labelledby=verzending-titel]")).ToContainTextAsync("1 teruggekomen: adres bestaat niet");
        var suppressed = page.Locator("section[aria-labelledby=geblokkeerd-titel]");
        await Expect(suppressed).ToContainTextAsync("vertrokken@example.org · bestaat niet (meer) of weigert voorgoed");
        await Expect(suppressed).ToContainTextAsync("Antwoord van de mailserver: smtp; 550 5.1.1");

        await suppressed.GetByRole(AriaRole.Button, new() { Name = "Opnieuw activeren" }).ClickAsync();

        await Expect(page.Locator("#geblokkeerd-status")).ToHaveTextAsync("vertrokken@example.org krijgt het volgende nummer weer.");
        await Expect(suppressed).Not.ToContainTextAsync("vertrokken@example.org");
        Assert.Equal(0, (await editor.GetFromJsonAsync<JsonElement>("/api/newsletter/suppressed")).GetProperty("total").GetInt64());
        foreach (var text in await page.Locator("main").AllInnerTextsAsync())
            Assert.DoesNotMatch(@"\b(false|null|undefined|NaN)\b|\[object", text);
    }
}
