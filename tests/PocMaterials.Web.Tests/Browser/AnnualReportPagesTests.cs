using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The school-year report page in Debian's Chromium: choosing a year, its charts, the PDF, and what a print leaves out.</summary>
[Collection(EditorPagesHost.Name)]
public sealed class AnnualReportPagesTests(SmtpBrowserHost host)
{
    [Fact]
    public async Task An_editor_chooses_a_school_year_and_the_print_shows_the_tables_without_menu_or_controls()
    {
        var page = await host.SignInAsync(["redacteur"]);
        await page.GotoAsync("/redactie/jaarverslag?schooljaar=2025-2026");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Jaarverslag 2025-2026");
        await page.Locator("#schooljaar").SelectOptionAsync("2024-2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Jaarverslag 2024-2025");
        var centres = page.Locator("section[aria-labelledby=tabel-centres]");
        await Expect(centres.Locator("thead")).ToContainTextAsync("2023-2024");
        await Expect(centres.GetByRole(AriaRole.Link, new() { Name = "Bereik per centrum als CSV" })).ToBeVisibleAsync();
        await Expect(centres.GetByRole(AriaRole.Img, new() { Name = "Unieke medewerkers per centrum" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download als PDF" }).ClickAsync());
        Assert.Equal("jaarverslag-2024-2025.pdf", download.SuggestedFilename);
        await using (var pdf = await download.CreateReadStreamAsync())
        {
            var start = new byte[5];
            await pdf.ReadExactlyAsync(start);
            Assert.Equal("%PDF-"u8.ToArray(), start);
        }
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "PDF" })).ToHaveTextAsync("De PDF is gedownload.");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Expect(page.Locator("#schooljaar")).ToBeHiddenAsync();
        await Expect(centres.GetByRole(AriaRole.Link, new() { Name = "Bereik per centrum als CSV" })).ToBeHiddenAsync();
        await Expect(centres.Locator("table")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_clb_medewerker_gets_geen_toegang_and_a_malformed_school_year_is_said_in_dutch()
    {
        var staff = await host.SignInAsync(["clb-medewerker"]);
        await staff.GotoAsync("/redactie/jaarverslag");
        await Expect(staff.Locator("h1")).ToHaveTextAsync("Geen toegang");

        var editor = await host.SignInAsync(["redacteur"]);
        await editor.GotoAsync("/redactie/jaarverslag?schooljaar=vorig-jaar");
        await Expect(editor.GetByRole(AriaRole.Alert)).ToContainTextAsync("geschreven als 2025-2026");
    }
}
