using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The definitions screens in Debian's Chromium: an editor changes a theme, a contact, a term's aliases, a centre's staff and
/// a calendar month through their forms, and each change that would break a material (or the calendar) or is no value of
/// its field is refused with a Dutch sentence, the file left as it was.
/// </summary>
public sealed class DefinitionPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] Editor = ["redacteur"];

    private string Content(string file) => File.ReadAllText(Path.Combine(host.Folder.ContentPath, file));

    private string Theme(string id) => File.ReadAllText(Path.Combine(host.Folder.ThemesPath, id + ".md"));

    [Fact]
    public async Task A_theme_is_changed_through_its_form_and_an_invalid_image_or_its_removal_is_refused_in_dutch()
    {
        var before = Theme("vechtscheiding");
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/themas/vechtscheiding");
        var title = page.GetByLabel("Titel", new() { Exact = true });
        await Expect(title).Not.ToHaveValueAsync("");
        await title.FillAsync("Vechtscheiding en school");
        await page.GetByLabel("Afbeelding").FillAsync("ftp://beelden.example.org/scheiding.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(page.Locator("#thema-status")).ToContainTextAsync(
            "‘ftp://beelden.example.org/scheiding.png’ is geen adres van een afbeelding");
        Assert.Equal(before, Theme("vechtscheiding"));

        // The preview is the theme's own check: the introduction as the theme page renders it.
        await page.GetByLabel("Inleiding").FillAsync("## Na de scheiding\n\nWat het CLB doet.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon voorbeeld" }).ClickAsync();
        await Expect(page.Locator("#voorbeeld h2")).ToHaveTextAsync("Na de scheiding");
        await page.GetByLabel("Afbeelding").FillAsync("/beelden/scheiding.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(page.Locator("#thema-status")).ToHaveTextAsync("Bewaard.");
        var after = Theme("vechtscheiding");
        Assert.Contains("\ntitle: Vechtscheiding en school\n", after, StringComparison.Ordinal);
        Assert.Contains("\nimage: /beelden/scheiding.png\n", after, StringComparison.Ordinal);
        Assert.EndsWith("---\n## Na de scheiding\n\nWat het CLB doet.", after.TrimEnd('\n'), StringComparison.Ordinal);
        // Fields the form left alone keep their line.
        Assert.Contains(before.Split('\n').First(l => l.StartsWith("aliases:", StringComparison.Ordinal)), after, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijder" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijder dit thema" }).ClickAsync();
        var refusal = page.Locator("#thema-status .notice.error");
        await Expect(refusal).ToContainTextAsync("Niet bewaard: “vechtscheiding” is nog in gebruik. Pas eerst dit aan:");
        await Expect(refusal.GetByRole(AriaRole.Link, new() { Name = "de kalender: juni 2027" })).ToBeVisibleAsync();
        Assert.True(await refusal.Locator("a[href^='/redactie/materialen/']").CountAsync() > 0);
        await BrowserHost.ScreenshotAsync(page, "redactie-thema-geweigerd");
        Assert.Equal(after, Theme("vechtscheiding"));
    }

    [Fact]
    public async Task A_contact_is_changed_and_one_that_materials_name_cannot_be_removed()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/contacten");
        var sofie = page.Locator("form[data-contact='sofie-claes']");
        await sofie.GetByLabel("Functie").FillAsync("Aanspreekpunt beroepsgeheim en DRM");
        await sofie.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(sofie.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bewaard.");
        Assert.Contains("  role: Aanspreekpunt beroepsgeheim en DRM\n", Content("contacts.yml"), StringComparison.Ordinal);

        var before = Content("contacts.yml");
        var an = page.Locator("form[data-contact='an-jacobs']");
        await an.GetByRole(AriaRole.Button, new() { Name = "Verwijder" }).ClickAsync();
        await an.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijder An Jacobs" }).ClickAsync();
        var refusal = an.Locator(".notice.error");
        await Expect(refusal).ToContainTextAsync("“an-jacobs” is nog in gebruik");
        await Expect(refusal.GetByRole(AriaRole.Link, new() { Name = "thema decreet-leersteun" })).ToBeVisibleAsync();
        Assert.True(await refusal.Locator("a[href^='/redactie/materialen/']").CountAsync() > 0);
        await BrowserHost.ScreenshotAsync(page, "redactie-contacten-geweigerd");
        Assert.Equal(before, Content("contacts.yml"));
    }

    [Fact]
    public async Task A_terms_aliases_are_changed_and_a_type_in_use_cannot_be_removed()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/taxonomie");
        var faq = page.Locator("#types form[data-term='faq']");
        await faq.GetByLabel("Aliassen en afkortingen").FillAsync("veelgestelde vragen, vraag en antwoord");
        await faq.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(faq.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bewaard.");
        Assert.Contains("    aliases: [veelgestelde vragen, vraag en antwoord]\n", Content("taxonomy.yml"), StringComparison.Ordinal);

        var before = Content("taxonomy.yml");
        var fiche = page.Locator("#types form[data-term='fiche']");
        await fiche.GetByRole(AriaRole.Button, new() { Name = "Verwijder" }).ClickAsync();
        await fiche.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijder" }).ClickAsync();
        await Expect(fiche.Locator(".notice.error")).ToContainTextAsync("“fiche” is nog in gebruik. Pas eerst dit aan:");
        Assert.Equal(before, Content("taxonomy.yml"));
    }

    [Fact]
    public async Task A_centres_number_of_staff_is_saved_and_one_that_is_no_number_is_refused_in_dutch()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/taxonomie#centres");
        var gent = page.Locator("#centres form[data-term='gent']");
        var staff = gent.GetByLabel("Aantal medewerkers");
        await Expect(staff).ToHaveValueAsync("142");

        var before = Content("taxonomy.yml");
        await staff.FillAsync("veel");
        await gent.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(gent.Locator(".notice.error")).ToHaveTextAsync(
            "Niet bewaard: Het aantal medewerkers is ‘veel’: typ een geheel getal van 1 tot 100.000.");
        Assert.Equal(before, Content("taxonomy.yml"));
        await BrowserHost.ScreenshotAsync(page, "redactie-taxonomie-centrum-geweigerd");

        await staff.FillAsync("150");
        await gent.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(gent.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bewaard.");
        Assert.Contains("  - id: gent\n    label: GO! CLB Gent\n    staff: 150\n", Content("taxonomy.yml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_month_is_planned_and_a_theme_removed_meanwhile_is_refused()
    {
        var editor = await host.App.ClientFor(Editor);
        var theme = new { fields = new { title = "Kortstondig thema" }, body = "Even." };
        Assert.Equal(HttpStatusCode.Created,
            (await editor.PutAsJsonAsync("/api/themes/kortstondig-thema/fields", theme)).StatusCode);
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/kalender?schooljaar=2026");
        var july = page.Locator("form[data-month='2027-07']");
        await july.GetByLabel("juli 2027").SelectOptionAsync("integrale-jeugdhulp");
        await july.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(july.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bewaard.");
        Assert.Contains("\n2027-07: integrale-jeugdhulp\n", Content("newsletter.yml"), StringComparison.Ordinal);

        // The page still offers the theme another editor removed.
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync("/api/themes/kortstondig-thema")).StatusCode);
        var before = Content("newsletter.yml");
        var august = page.Locator("form[data-month='2027-08']");
        await august.GetByLabel("augustus 2027").SelectOptionAsync("kortstondig-thema");
        await august.GetByRole(AriaRole.Button, new() { Name = "Bewaar" }).ClickAsync();
        await Expect(august.Locator(".notice.error")).ToHaveTextAsync(
            "Niet bewaard: ‘kortstondig-thema’ staat niet in de thema's of de kernprocessen. Kies een bestaande waarde.");
        await BrowserHost.ScreenshotAsync(page, "redactie-kalender-geweigerd");
        Assert.Equal(before, Content("newsletter.yml"));
    }
}
