using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The subscribers page in Debian's Chromium: a CSV import previewed (a bad line's error in Dutch, nothing written) and
/// written only when "Importeer" is pressed; a subscriber searched, added and unsubscribed.
/// </summary>
public sealed class SubscriberPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] Editor = ["redacteur"];
    private const string Header = "email,name,roles,centre\n";
    private const string Good = Header + "een@import.example.org,Eline Import,,\ntwee@import.example.org,Twan Import,arts,gent\n";

    private Task<long> ImportedAsync() =>
        host.App.CountAsync("SELECT count(*) FROM newsletter_subscribers WHERE email_key LIKE '%@import.example.org'");

    private static FilePayload Csv(string text) =>
        new() { Name = "abonnees.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task An_import_preview_shows_a_bad_lines_dutch_error_and_nothing_is_written_until_importeer()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/abonnees");
        var file = page.GetByLabel("Bestand", new() { Exact = true });
        var result = page.Locator("#import-resultaat");

        await file.SetInputFilesAsync(Csv(Good + "geen-adres,Drie,,\nvier@import.example.org,Vier,redacteur,\n"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon voorbeeld" }).ClickAsync();
        await Expect(result.GetByRole(AriaRole.Alert)).ToContainTextAsync("Het bestand heeft fouten; er is niets geïmporteerd.");
        await Expect(result.Locator("li").Nth(0)).ToHaveTextAsync("Regel 4, e-mail: “geen-adres” is geen geldig e-mailadres.");
        await Expect(result.Locator("li").Nth(1)).ToContainTextAsync("Regel 5, rollen: Redacteur is geen rol voor een abonnee");
        await BrowserHost.ScreenshotAsync(page, "redactie-abonnees-fouten");
        Assert.Equal(0, await ImportedAsync());

        await file.SetInputFilesAsync(Csv(Good));
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon voorbeeld" }).ClickAsync();
        await Expect(result).ToContainTextAsync(
            "Voorbeeld, nog niets geschreven: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 overgeslagen (afgemeld).");
        Assert.Equal(0, await ImportedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Importeer" }).ClickAsync();
        await Expect(result).ToContainTextAsync("Geïmporteerd: 2 nieuw");
        Assert.Equal(2, await ImportedAsync());
    }

    [Fact]
    public async Task A_subscriber_is_added_found_and_unsubscribed()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/abonnees");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("nora.nieuw@abonnee.example.org");
        await page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Nora Nieuw");
        await page.GetByLabel("POC+-redacteur", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Voeg toe" }).ClickAsync();
        await Expect(page.Locator("#nieuw-status")).ToContainTextAsync("Regel 1, rollen: Redacteur is geen rol voor een abonnee");

        await page.GetByLabel("POC+-redacteur", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Arts", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Centrum", new() { Exact = true }).SelectOptionAsync("gent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Voeg toe" }).ClickAsync();
        await Expect(page.Locator("tr[data-email='nora.nieuw@abonnee.example.org']")).ToBeVisibleAsync();

        await page.GetByLabel("Zoek op adres of naam").FillAsync("nora nieuw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoek", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/abonnees?q=nora+nieuw");
        var row = page.Locator("tr[data-email='nora.nieuw@abonnee.example.org']");
        await Expect(row).ToContainTextAsync("Nora Nieuw");
        await Expect(row).ToContainTextAsync("Arts");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await row.GetByRole(AriaRole.Button, new() { Name = "Meld af" }).ClickAsync();
        await Expect(row).ToContainTextAsync("afgemeld op ");
        Assert.Equal(1, await host.App.CountAsync("SELECT count(*) FROM newsletter_subscribers "
            + "WHERE email_key = 'nora.nieuw@abonnee.example.org' AND unsubscribed_at IS NOT NULL"));

        await page.GotoAsync("/redactie/abonnees?q=niemand-heet-zo");
        await Expect(page.GetByText("Niemand gevonden.")).ToBeVisibleAsync();
    }
}
