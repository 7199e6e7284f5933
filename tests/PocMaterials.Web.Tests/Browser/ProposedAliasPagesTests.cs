using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>Learning from use on the editor's dashboard: a proposed synonym with its evidence, accepted in one click.</summary>
[Collection(EditorPagesHost.Name)]
public sealed class ProposedAliasPagesTests(SmtpBrowserHost host)
{
    private const string Slug = "leidraad-gesprekken-ouders-vechtscheiding";

    [Fact]
    public async Task A_synonym_learned_from_three_staff_is_shown_with_its_evidence_and_accepted_in_one_click()
    {
        for (var i = 0; i < 3; i++)
        {
            var staff = await host.App.ClientFor(["clb-medewerker"]);
            await staff.GetAsync("/api/search?q=ruziemakende+exen");
            using var found = JsonDocument.Parse(await staff.GetStringAsync("/api/search?q=vechtscheiding"));
            var hit = found.RootElement.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("slug").GetString() == Slug);
            await staff.GetAsync($"/api/materials/{Slug}?source=search&searchId={found.RootElement.GetProperty("searchId")}"
                + $"&position={hit.GetProperty("position").GetInt32()}");
        }
        await host.WaitForCountAsync($"SELECT count(*) FROM material_views v JOIN searches s ON s.id = v.search_id "
            + "WHERE s.query = 'vechtscheiding'", 3);

        foreach (var (width, device) in new[] { (390, "telefoon"), (1280, "desktop") })
        {
            var page = await host.SignInAsync(["redacteur"], "gent", width, 900);
            await page.GotoAsync("/redactie");
            var proposal = page.Locator(".proposals li", new() { HasText = "‘ruziemakende exen’" });
            await Expect(proposal).ToContainTextAsync("als synoniem van vechtscheiding (begrip)");
            await Expect(proposal).ToContainTextAsync("3 zoekopdrachten door 3 verschillende medewerkers");
            await Expect(proposal.GetByRole(AriaRole.Link, new() { Name = "Leidraad gesprekken met ouders in een vechtscheiding" }))
                .ToBeVisibleAsync();
            var section = page.Locator("section[aria-labelledby=zoek-titel]");
            await section.ScrollIntoViewIfNeededAsync();
            var file = Path.Combine(AccessibilityTests.ScreenshotsPath, $"redactie-synoniemen-{device}.png");
            await section.ScreenshotAsync(new() { Path = file });
            if (device == "desktop")
            {
                await proposal.GetByRole(AriaRole.Button, new() { Name = "Voeg toe als synoniem" }).ClickAsync();
                await Expect(proposal.GetByRole(AriaRole.Status)).ToContainTextAsync("Toegevoegd: ‘ruziemakende exen’ vindt nu");
                await Expect(proposal.GetByRole(AriaRole.Button, new() { Name = "Negeer" })).ToBeDisabledAsync();
            }
            await page.Context.CloseAsync();
        }

        var reader = await host.App.ClientFor(["clb-medewerker"]);
        var search = await reader.GetFromJsonAsync<JsonElement>("/api/search?q=ruziemakende+exen");
        Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("slug").GetString() == Slug);
        // The glossary's term: a new version of taxonomy.yml.
        var taxonomy = await File.ReadAllTextAsync(Path.Combine(host.Folder.ContentPath, "taxonomy.yml"));
        Assert.Matches(@"aliases: \[[^\]]*ruziemakende exen", taxonomy);
    }
}
