using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The search page in Debian's Chromium: snippets, facets, sorting, paging, suggestions and the links it makes.</summary>
[Collection(StaffPagesHost.Name)]
public sealed class SearchPagesTests(BrowserHost host)
{
    [Fact]
    public async Task A_search_shows_marked_snippets_and_facets_that_follow_the_query_and_the_url_can_be_shared()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        const string searched = "SELECT count(*) FROM searches WHERE query = 'leersteun'";
        var before = await host.App.CountAsync(searched);

        await page.GetByLabel("Zoek in de materialenbank").FillAsync("leersteun");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main [role=status]")).ToContainTextAsync("gevonden voor ‘leersteun’");
        await host.WaitForCountAsync(searched, before + 1);
        Assert.True(await page.Locator(".hit .snippet mark").CountAsync() > 0);
        var all = await SearchResults.HitCount(page);
        var faq = page.GetByRole(AriaRole.Checkbox, new() { Name = "FAQ-lijst" });
        await faq.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync(new Regex("type=faq"));
        await Expect(page.Locator(".hit .meta").First).ToContainTextAsync("FAQ-lijst");
        var faqs = await SearchResults.HitCount(page);
        // The facets are built anew with the list: the keyboard stays on the filter it ticked.
        await Expect(faq).ToBeFocusedAsync();
        // A filter refines the search, it is no new one: once a later search is stored, 'leersteun' still counts once.
        await page.GetByLabel("Zoek in de materialenbank").FillAsync("zoekterm-als-merkteken");
        await page.Keyboard.PressAsync("Enter");
        await host.WaitForCountAsync("SELECT count(*) FROM searches WHERE query = 'zoekterm-als-merkteken'", 1);
        Assert.Equal(before + 1, await host.App.CountAsync(searched));
        // History traversal is awaited by what it shows: a restored page need not fire "load" again.
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync(new Regex("type=faq"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.GetByLabel("Zoek in de materialenbank")).ToHaveValueAsync("leersteun");
        await Expect(page.Locator("main [role=status]")).ToContainTextAsync("gevonden voor ‘leersteun’");

        Assert.True(faqs < all, $"{faqs} FAQ lists of {all} materials");
        Assert.All(
            await page.Locator(".hit .meta").AllTextContentsAsync(),
            meta => Assert.StartsWith("FAQ-lijst", meta, StringComparison.Ordinal));
        var shared = await host.SignInAsync(["clb-medewerker"]);
        await shared.GotoAsync(page.Url);
        await Expect(shared.Locator(".hit").First).ToBeVisibleAsync();
        Assert.Equal(await page.Locator(".hit h3").AllTextContentsAsync(), await shared.Locator(".hit h3").AllTextContentsAsync());
        Assert.Equal("leersteun", await shared.GetByLabel("Zoek in de materialenbank").InputValueAsync());
        Assert.True(await shared.GetByRole(AriaRole.Checkbox, new() { Name = "FAQ-lijst" }).IsCheckedAsync());
    }

    [Fact]
    public async Task Sorting_by_date_and_paging_change_the_url_and_the_list()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/zoeken?q=begeleiding");
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();

        await page.Locator("#sorteer").SelectOptionAsync("updated");
        await page.WaitForURLAsync(new Regex("sort=updated"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Volgende pagina" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("page=2"));

        await Expect(page.Locator(".hits")).ToHaveAttributeAsync("start", "11");
        await Expect(page.Locator(".pager [aria-current=page]")).ToHaveTextAsync("2");
    }

    [Fact]
    public async Task A_misspelt_search_offers_did_you_mean_and_an_empty_one_says_what_to_try()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);

        await page.GotoAsync("/zoeken?q=beroepsgehiem");
        await Expect(page.GetByText("Bedoelde je")).ToBeVisibleAsync();
        await page.GotoAsync("/zoeken?q=xqzwvk");

        await Expect(page.GetByText("Niets gevonden voor ‘xqzwvk’.")).ToBeVisibleAsync();
        await Expect(page.GetByText("Kijk de schrijfwijze na.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Suggestions_appear_while_typing_and_one_is_chosen_with_the_keyboard()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Zoek in de materialenbank" });

        await box.PressSequentiallyAsync("beroepsgeh");
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await box.PressAsync("ArrowDown");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", "suggestie-0");
        var chosen = (await options.First.Locator("span").First.TextContentAsync())!;
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(url => !url.EndsWith("/zoeken", StringComparison.Ordinal));
        await Expect(page.Locator("h1")).ToContainTextAsync(chosen.Split(" (")[0].Trim(), new() { IgnoreCase = true });
    }

    [Fact]
    public async Task A_FAQ_question_in_the_results_opens_its_material_at_that_question_and_records_a_view_from_search()
    {
        var page = await host.SignInAsync(["clb-medewerker"], centre: "brussel");
        await page.GotoAsync("/zoeken?q=wie+vraagt+leersteun+aan");
        await SearchResults.HitCount(page);
        var question = page.Locator(".hit .questions a", new() { HasText = "Wie vraagt leersteun aan?" }).First;
        Assert.Matches(
            "^/materialen/faq-decreet-leersteun\\?source=search&searchId=[^&]+&position=1#wie-vraagt-leersteun-aan$",
            await question.GetAttributeAsync("href"));

        await question.ClickAsync();

        // The page records the view, then keeps only the material and the question in the address bar.
        await Expect(page.Locator("h1")).ToHaveTextAsync("FAQ decreet leersteun", new() { Timeout = 15_000 });
        await Expect(page).ToHaveURLAsync(new Regex("/materialen/faq-decreet-leersteun#wie-vraagt-leersteun-aan$"));
        Assert.Equal("wie-vraagt-leersteun-aan", await page.EvaluateAsync<string>("document.activeElement.id"));
        await host.WaitForCountAsync(
            "SELECT count(*) FROM material_views WHERE material_slug = 'faq-decreet-leersteun' AND source = 'search' "
            + "AND search_id IS NOT NULL AND result_position = 1 AND faq_anchor = 'wie-vraagt-leersteun-aan' AND centre = 'brussel'", 1);
        Assert.DoesNotContain("source=", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shared_link_with_a_filter_that_no_longer_exists_says_so_and_offers_the_search_without_it()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/zoeken?q=leersteun&theme=opgeheven-thema");

        await Expect(page.Locator(".notice.error")).ToContainTextAsync("Deze zoekopdracht kan niet.");
        await Expect(page.Locator(".notice.error")).ToContainTextAsync("opgeheven-thema");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zoek zonder filters" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/zoeken\\?q=leersteun$"));
        await Expect(page.Locator(".hit").First).ToBeVisibleAsync();
    }
}
