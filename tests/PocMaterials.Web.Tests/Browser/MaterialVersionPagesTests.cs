using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// A material's versions in Debian's Chromium: two saves side by side with exactly the changed word marked, by the
/// name given at sign-in and a Dutch date, stacked on a phone, and the older version put back from there.
/// </summary>
public sealed class MaterialVersionPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Slug = "noodplan-afwezigheid-arts";
    private const string EditorName = "Lotte Verhaegen";

    [Fact]
    public async Task Two_saves_are_shown_side_by_side_with_the_changed_word_marked_by_name_and_the_older_one_is_restored()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var file = await editor.GetStringAsync($"/api/materials/{Slug}/source");
        var page = await SignInNamedAsync(1280, 900);
        await page.GotoAsync("/redactie/materialen/" + Slug);
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync(new Regex("^Noodplan"));
        var text = page.GetByLabel("Tekst", new() { Exact = true });
        var original = await text.InputValueAsync();
        var first = original.Replace("centra geregeld zonder arts", "centra vaak zonder arts", StringComparison.Ordinal);
        var second = first.Replace("de meest kritieke taken", "de meest essentiële taken", StringComparison.Ordinal);
        Assert.NotEqual(original, first);
        Assert.NotEqual(first, second);
        await SaveAsync(page, first);
        await SaveAsync(page, second);

        // By default the previous version beside the current one: only the second save's word is marked.
        var compared = page.Locator(".side-by-side");
        await Expect(compared.Locator("del")).ToHaveTextAsync(["kritieke"]);
        await Expect(compared.Locator("ins")).ToHaveTextAsync(["essentiële"]);
        await Expect(compared.Locator("tr.change")).ToHaveCountAsync(1);
        await Expect(compared.Locator("thead th").First).ToContainTextAsync($"(oud) · {EditorName} · ");
        await Expect(compared.Locator("thead th").First).ToHaveTextAsync(
            new Regex(@"\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
                + @"|november|december) \d{4} om \d{2}:\d{2}$"));
        var latest = page.Locator("table.table tbody tr").First;
        await Expect(latest).ToContainTextAsync(EditorName);
        await Expect(latest).ToContainTextAsync("gewijzigd: de tekst");
        await Expect(page.Locator("table.table")).Not.ToContainTextAsync("dev-");
        await AssertReadableAsync(page, "desktop");

        // On a phone the old line comes above the new one.
        var phone = await SignInNamedAsync(390, 844);
        await phone.GotoAsync("/redactie/materialen/" + Slug);
        var row = phone.Locator(".side-by-side tr.change");
        await Expect(row.Locator("del")).ToHaveTextAsync("kritieke");
        var oldBox = (await row.Locator("td").First.BoundingBoxAsync())!;
        var newBox = (await row.Locator("td").Last.BoundingBoxAsync())!;
        Assert.True(oldBox.Y + oldBox.Height <= newBox.Y + 1, $"old at {oldBox.Y}+{oldBox.Height}, new at {newBox.Y}");
        Assert.True(Math.Abs(oldBox.X - newBox.X) < 1, $"old at x {oldBox.X}, new at x {newBox.X}");
        await AssertReadableAsync(phone, "telefoon");
        await phone.Context.CloseAsync();

        // Another pair on request, then the older of it put back.
        var versions = await page.Locator("#versie-oud option").AllTextContentsAsync();
        Assert.True(versions.Count >= 3, string.Join(" | ", versions));
        var firstSave = page.Locator("#versie-oud option").Nth(1);
        await page.Locator("#versie-oud").SelectOptionAsync(new SelectOptionValue { Label = await firstSave.TextContentAsync() });
        await page.Locator("#versie-nieuw").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Expect(compared.Locator("del")).ToHaveTextAsync(["kritieke"]);
        // The current version is no version to put back.
        await page.Locator("#versie-oud").SelectOptionAsync(new SelectOptionValue { Index = 0 });
        await Expect(page.Locator(".compare, #versies-naast-elkaar .notice")).ToHaveTextAsync("Deze twee versies hebben dezelfde tekst.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Zet deze versie terug" })).ToBeHiddenAsync();
        await page.Locator("#versie-oud").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await Expect(compared.Locator("del")).ToHaveTextAsync(["geregeld", "kritieke"]);
        await page.Locator("#versie-oud").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(compared.Locator("ins")).ToHaveTextAsync(["essentiële"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zet deze versie terug" }).ClickAsync();

        // The form is reloaded with the version put back; the file is the first save's, byte for byte.
        await Expect(page.Locator("form.editor [role=status]")).ToContainTextAsync("is teruggezet als versie");
        await Expect(text).ToHaveValueAsync(first);
        Assert.Equal(file.Replace(original, first, StringComparison.Ordinal), await editor.GetStringAsync($"/api/materials/{Slug}/source"));
        await Expect(latest).ToContainTextAsync("teruggezet");
        // The restore against the save before it: the word comes back.
        await Expect(compared.Locator("ins")).ToHaveTextAsync(["kritieke"]);
    }

    private async Task<IPage> SignInNamedAsync(int width, int height)
    {
        var page = await host.NewPageAsync(width, height);
        await page.GotoAsync("/aanmelden");
        await page.GetByLabel("Je naam").FillAsync(EditorName);
        await BrowserHost.FillSignInAsync(page, ["redacteur"], "gent");
        await page.WaitForURLAsync("**/zoeken");
        return page;
    }

    /// <summary>Saves the form's text through the page and waits until the versions list has the new one.</summary>
    private static async Task SaveAsync(IPage page, string text)
    {
        var rows = page.Locator("table.table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        await page.GetByLabel("Tekst", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
    }

    /// <summary>No stray word a person would notice, no serious accessibility fault, and a screenshot to look at.</summary>
    private static async Task AssertReadableAsync(IPage page, string device)
    {
        await page.Locator("#versies-titel").ScrollIntoViewIfNeededAsync();
        var text = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotMatch(@"\b(null|undefined|NaN|false)\b|\[object", text);
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.True(serious.Count == 0, string.Join(", ", serious));
        Directory.CreateDirectory(AccessibilityTests.ScreenshotsPath);
        // The versions section only: the rest of the editor page is AccessibilityTests' screenshot.
        await page.Locator("section[aria-labelledby=versies-titel]").ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(AccessibilityTests.ScreenshotsPath, $"redactie-versies-{device}.png"),
        });
    }
}
