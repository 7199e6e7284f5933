using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>A mail's unsubscribe or material link, damaged on its way, opened in Debian's Chromium: a Dutch page, a way back.</summary>
[Collection(StaffPagesHost.Name)]
public sealed class NewsletterLinkPagesTests(BrowserHost host)
{
    [Theory]
    [InlineData("/newsletter/unsubscribe?token=MTIz.kapot", "Deze uitschrijflink werkt niet")]
    [InlineData("/n/c/MTIz.kapot", "Deze link werkt niet")]
    public async Task A_damaged_link_of_a_mail_shows_a_dutch_page_that_leads_back_to_the_material_bank(string link, string title)
    {
        var page = await host.NewPageAsync(390, 844);

        var response = await page.GotoAsync(link);

        Assert.Equal(400, response!.Status);
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("token");
        await page.GetByRole(AriaRole.Link, new() { Name = "Naar de materialenbank" }).ClickAsync();
        // Not signed in: the material bank asks who you are first, and comes back to it.
        await page.WaitForURLAsync("**/aanmelden?terug=%2Fzoeken");
        await page.Context.CloseAsync();
    }
}
