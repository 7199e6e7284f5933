using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The staff pages in Debian's Chromium against the real host on the sample content.</summary>
[Collection(StaffPagesHost.Name)]
public sealed class StaffPagesTests(BrowserHost host)
{
    [Fact]
    public async Task A_page_asked_for_without_a_session_goes_to_sign_in_and_back_with_the_chosen_role_and_centre()
    {
        var page = await host.NewPageAsync();

        await page.GotoAsync("/themas");
        Assert.Contains("/aanmelden?terug=%2Fthemas", page.Url, StringComparison.Ordinal);
        await BrowserHost.FillSignInAsync(page, ["arts"], "gent");
        await page.WaitForURLAsync("**/themas");

        await Expect(page.Locator("#gebruiker")).ToContainTextAsync("Arts");
        await Expect(page.Locator("#gebruiker")).ToContainTextAsync("Gent");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thema's");
        await Expect(page.Locator("#menu a[aria-current=page]")).ToHaveTextAsync("Thema's");
    }

    [Fact]
    public async Task A_related_material_opened_from_a_material_is_recorded_as_related()
    {
        var page = await host.SignInAsync(["clb-medewerker"], centre: null);
        await page.GotoAsync("/materialen/faq-decreet-leersteun");
        var related = page.Locator("#verwant-titel + ul a").First;
        var href = (await related.GetAttributeAsync("href"))!;
        var slug = href.Split('?')[0].Split('/')[^1];

        await related.ClickAsync();
        await page.WaitForURLAsync($"**/materialen/{slug}");

        await host.WaitForCountAsync(
            $"SELECT count(*) FROM material_views WHERE material_slug = '{slug}' AND source = 'related' AND centre IS NULL", 1);
    }

    [Fact]
    public async Task A_material_for_doctors_is_found_and_opened_by_an_arts_and_absent_for_a_clb_medewerker()
    {
        var doctor = await host.SignInAsync(["arts"]);
        var staff = await host.SignInAsync(["clb-medewerker"]);

        await doctor.GotoAsync("/zoeken?q=noodplan+afwezigheid+arts");
        await staff.GotoAsync("/zoeken?q=noodplan+afwezigheid+arts");
        await Expect(doctor.Locator(".hit").First).ToBeVisibleAsync();
        await Expect(staff.Locator(".hit").First).ToBeVisibleAsync();

        Assert.Contains("Noodplan afwezigheid arts", await doctor.Locator(".hit h3").AllTextContentsAsync());
        Assert.DoesNotContain(
            await staff.Locator(".hit h3").AllTextContentsAsync(),
            title => title.Contains("Noodplan", StringComparison.OrdinalIgnoreCase));
        await staff.GotoAsync("/materialen/noodplan-afwezigheid-arts");
        await Expect(staff.Locator("[role=alert]")).ToContainTextAsync("bestaat niet");
        await doctor.GotoAsync("/materialen/noodplan-afwezigheid-arts");
        await Expect(doctor.Locator("h1")).ToContainTextAsync("Noodplan");
    }

    [Fact]
    public async Task A_material_due_for_review_says_so_and_one_that_is_not_does_not()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);

        await page.GotoAsync("/materialen/vademecum-m-decreet");
        await Expect(page.Locator(".notice.warn")).ToContainTextAsync("Wordt herzien");
        await Expect(page.Locator(".notice.warn")).ToContainTextAsync("30 juni 2025");
        await Expect(page.Locator(".toc")).ToContainTextAsync("Kernbegrippen");
        await page.GotoAsync("/materialen/faq-decreet-leersteun");
        await Expect(page.Locator("h1")).ToHaveTextAsync("FAQ decreet leersteun");

        Assert.Equal(0, await page.Locator(".notice.warn").CountAsync());
        await Expect(page.GetByText("Laatst bijgewerkt")).ToBeVisibleAsync();
        await Expect(page.Locator(".contact")).ToContainTextAsync("@example.org");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Decreet leersteun" }).First)
            .ToHaveAttributeAsync("href", "/themas/decreet-leersteun");
    }

    [Fact]
    public async Task A_theme_page_shows_its_introduction_contact_and_materials()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/themas");

        await page.GetByRole(AriaRole.Link, new() { Name = "Decreet leersteun" }).ClickAsync();
        await page.WaitForURLAsync("**/themas/decreet-leersteun");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Decreet leersteun");
        await Expect(page.Locator(".contact")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "FAQ decreet leersteun" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_archive_lists_a_sent_issue_whose_material_links_count_as_newsletter_views()
    {
        await host.SendNewsletterAsync("2026-10");
        var page = await host.SignInAsync(["clb-medewerker"]);

        await page.GotoAsync("/nieuwsbrieven");
        await page.GetByRole(AriaRole.Link, new() { Name = "POC-a-tizer oktober 2026" }).ClickAsync();
        await page.WaitForURLAsync("**/nieuwsbrieven/2026-10");
        await Expect(page.Locator(".newsletter h1")).ToContainTextAsync("in de kijker");
        var link = page.Locator(".newsletter a[href^='/materialen/']").First;
        var slug = (await link.GetAttributeAsync("href"))!.Split('?')[0].Split('/')[^1];
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/materialen/{slug}");

        await host.WaitForCountAsync($"SELECT count(*) FROM material_views WHERE material_slug = '{slug}' AND source = 'newsletter'", 1);
    }

    [Fact]
    public async Task The_Hangfire_dashboard_refuses_a_staff_session_and_opens_for_an_editor_session_whose_menu_links_to_it()
    {
        var staff = await host.SignInAsync(["clb-medewerker"]);
        var editor = await host.SignInAsync(["redacteur"]);

        var refused = await staff.GotoAsync("/hangfire");
        var opened = await editor.GotoAsync("/zoeken");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Taken" }).ClickAsync();
        await editor.WaitForURLAsync("**/hangfire");

        Assert.Equal(403, refused!.Status);
        Assert.Equal(200, opened!.Status);
        Assert.Contains("Hangfire", await editor.TitleAsync(), StringComparison.Ordinal);
        await staff.GotoAsync("/zoeken");
        Assert.Equal(0, await staff.GetByRole(AriaRole.Link, new() { Name = "Taken" }).CountAsync());
    }

    [Fact]
    public async Task A_session_changes_data_through_the_api_only_with_its_antiforgery_token()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);

        var withoutToken = await page.EvaluateAsync<int>(
            "fetch('/api/newsletter/issues?month=2027-01', { method: 'POST' }).then(r => r.status)");
        var withToken = await page.EvaluateAsync<int>("""
            fetch('/api/me').then(r => r.json()).then(me =>
              fetch('/api/newsletter/issues?month=2027-01',
                { method: 'POST', headers: { 'X-CSRF-Token': me.csrfToken } })).then(r => r.status)
            """);
        var read = await page.EvaluateAsync<int>("fetch('/api/search?q=leersteun').then(r => r.status)");

        Assert.Equal(400, withoutToken);
        Assert.Equal(403, withToken);
        Assert.Equal(200, read);
    }

    [Fact]
    public async Task The_next_user_of_a_tab_going_back_never_sees_the_previous_users_results()
    {
        var page = await host.SignInAsync(["arts"]);
        await page.GotoAsync("/zoeken?q=vaccinaties");
        await Expect(page.Locator(".hit h3", new() { HasText = "FAQ vaccinaties" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/aanmelden?afgemeld=1");
        await BrowserHost.FillSignInAsync(page, ["clb-medewerker"], "gent");
        await page.WaitForURLAsync("**/zoeken");

        await page.GoBackAsync();
        await page.GoBackAsync();

        await page.WaitForURLAsync("**/zoeken?q=vaccinaties");
        await Expect(page.Locator("main [role=status]")).ToHaveTextAsync(SearchResults.HitCountPattern());
        await Expect(page.Locator(".hit h3", new() { HasText = "FAQ vaccinaties" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Afmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/aanmelden?afgemeld=1");
        var api = await page.EvaluateAsync<int>("fetch('/api/search').then(r => r.status)");
        await page.GotoAsync("/zoeken");

        Assert.Equal(401, api);
        Assert.Contains("/aanmelden", page.Url, StringComparison.Ordinal);
    }
}
