using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The archive in Debian's Chromium, with an issue that features a core process: one without a contact person.</summary>
[Collection(StaffPagesHost.Name)]
public sealed class NewsletterArchivePagesTests(BrowserHost host)
{
    [Fact]
    public async Task The_archive_promises_a_contact_person_only_where_an_issue_has_one()
    {
        // The calendar plans the core process handelingsgerichte diagnostiek for May 2027: no theme, so no contact person.
        await host.SendNewsletterAsync("2027-05");
        var page = await host.SignInAsync(["clb-medewerker"]);

        await page.GotoAsync("/nieuwsbrieven");
        var introduction = page.Locator("main > p").First;
        await Expect(introduction).ToHaveTextAsync(
            "De POC-a-tizer zet een thema of kernproces in de kijker, met de materialen ervoor en, als het er een heeft, "
            + "het aanspreekpunt van POC+.");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "POC-a-tizer mei 2027" }).ClickAsync();

        await Expect(page.Locator(".newsletter h1")).ToHaveTextAsync("Handelingsgerichte diagnostiek in de kijker");
        await Expect(page.Locator(".newsletter .poc-a-tizer-contact")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
