using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The editor pages in Debian's Chromium: who gets in, the dashboard and its period, the one-click alias.</summary>
[Collection(EditorPagesHost.Name)]
public sealed class EditorPagesTests(SmtpBrowserHost host)
{
    private static readonly string[] Editor = ["redacteur"];

    [Fact]
    public async Task A_clb_medewerker_gets_geen_toegang_on_every_editor_page_and_no_editor_links()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/materialen/faq-decreet-leersteun");
        await Expect(page.Locator(".body")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bewerken" })).ToHaveCountAsync(0);

        foreach (var path in new[]
        {
            "/redactie", "/redactie/materialen/faq-decreet-leersteun", "/redactie/nieuw-materiaal", "/redactie/nieuwsbrieven",
        })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Geen toegang");
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("alleen voor redacteurs");
            await Expect(page.Locator("#bron")).ToHaveCountAsync(0);
        }
        await Expect(page.Locator("#menu")).Not.ToContainTextAsync("Redactie");
    }

    [Fact]
    public async Task An_editor_sees_the_dashboard_with_views_the_centres_not_reached_highlighted_and_the_review_queue()
    {
        var reader = await host.SignInAsync(["clb-medewerker"], "oostende");
        await reader.GotoAsync("/materialen/faq-decreet-leersteun");
        await Expect(reader.Locator(".body")).ToBeVisibleAsync();
        await host.WaitForCountAsync("SELECT count(*) FROM material_views WHERE centre = 'oostende'", 1);

        var page = await host.SignInAsync(Editor);
        await page.GetByRole(AriaRole.Link, new() { Name = "Redactie", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/redactie");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Redactie");
        await Expect(page.Locator("#menu a[aria-current=page]")).ToHaveTextAsync("Redactie");
        await Expect(page.Locator("svg.chart .bar")).ToHaveCountAsync(12); // every month of the school year, those without views too
        var centres = page.Locator("section[aria-labelledby=centra-titel]");
        await Expect(centres.Locator("tr:not(.not-reached) th", new() { HasText = "Oostende" })).ToBeVisibleAsync();
        await Expect(centres.Locator("tr.not-reached th", new() { HasText = "Connect" })).ToContainTextAsync("niet bereikt");
        await Expect(centres.Locator(".notice.warn")).Not.ToContainTextAsync("Oostende");
        // Drawn as bars: the most viewed centre's fills its row, a centre not reached has none.
        await Expect(centres.Locator("tr:not(.not-reached) .reach-bar .fill").First).ToHaveAttributeAsync("data-share", "100");
        await Expect(centres.Locator("tr.not-reached .reach-bar .fill").First).ToHaveAttributeAsync("data-share", "0");
        await Expect(page.Locator("section[aria-labelledby=review-titel] a", new() { HasText = "Bewerken" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_dashboard_reports_the_period_chosen_and_a_period_the_api_refuses_says_why()
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie");
        await page.Locator("#van").FillAsync("2020-09-01");
        await page.Locator("#tot").FillAsync("2020-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();

        await page.WaitForURLAsync("**/redactie?van=2020-09-01&tot=2020-12-31");
        await Expect(page.GetByText("Bereik van 1 september 2020 tot en met 31 december 2020.")).ToBeVisibleAsync();
        await Expect(page.Locator("section[aria-labelledby=views-titel]"))
            .ToContainTextAsync("Nog geen bekeken materialen in deze periode.");
        await Expect(page.Locator("section[aria-labelledby=rollen-titel] .notice.warn")).ToContainTextAsync("CLB-medewerker");

        await page.GotoAsync("/redactie?van=2020-12-31&tot=2020-09-01");
        await Expect(page.Locator(".notice.error")).ToContainTextAsync("Deze periode kan niet:");
    }

    [Fact]
    public async Task A_zero_result_search_becomes_an_alias_in_one_click_and_the_dashboard_says_what_it_finds_now()
    {
        var reader = await host.SignInAsync(["clb-medewerker"]);
        await reader.GotoAsync("/zoeken?q=zwqxleerhulp");
        await Expect(reader.GetByText("Niets gevonden voor ‘zwqxleerhulp’.")).ToBeVisibleAsync();
        await host.WaitForCountAsync("SELECT count(*) FROM searches WHERE query = 'zwqxleerhulp'", 1);

        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie");
        var row = page.Locator(".zero li", new() { HasText = "zwqxleerhulp" });
        await row.GetByLabel("Alias voor ‘zwqxleerhulp’ naar").SelectOptionAsync("decreet-leersteun");
        await row.GetByRole(AriaRole.Button, new() { Name = "Maak alias" }).ClickAsync();

        await Expect(row.GetByRole(AriaRole.Status)).ToContainTextAsync("Alias gemaakt: ‘zwqxleerhulp’ vindt nu");
        var found = await (await host.App.ClientFor(["clb-medewerker"])).GetFromJsonAsync<JsonElement>("/api/search?q=zwqxleerhulp");
        Assert.True(found.GetProperty("total").GetInt32() > 0);
    }
}
