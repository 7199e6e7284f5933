using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PocMaterials.Testing.Smtp;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>The editor pages in Debian's Chromium: access, the dashboard, editing, versions, attachments, the newsletter screens.</summary>
public sealed class EditorPagesTests(EditorPagesTests.Host host) : IClassFixture<EditorPagesTests.Host>
{
    private static readonly string[] Editor = ["redacteur"];

    /// <summary>The pages' host, sending its mail to a real SMTP server of the test's own.</summary>
    public sealed class Host : BrowserHost
    {
        public TestSmtpServer Smtp { get; private set; } = null!;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Smtp:Host"] = Smtp.Host,
            ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };

        protected override async Task PrepareAsync() => Smtp = await TestSmtpServer.StartAsync();

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_clb_medewerker_gets_geen_toegang_on_every_editor_page_and_no_editor_links()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/materialen/faq-decreet-leersteun");
        await Expect(page.Locator(".body")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bewerken" })).ToHaveCountAsync(0);

        foreach (var path in new[] { "/redactie", "/redactie/materialen/faq-decreet-leersteun", "/redactie/nieuw-materiaal", "/redactie/nieuwsbrieven" })
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
        await Expect(page.Locator("section[aria-labelledby=views-titel]")).ToContainTextAsync("Nog geen bekeken materialen in deze periode.");
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

    [Fact]
    public async Task Editing_a_material_shows_a_validation_error_at_its_field_and_line_then_saves_the_text()
    {
        const string slug = "begeleidingsstrategieen-leerlingen-met-leerstoornissen";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/materialen/" + slug);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bewerken" }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/materialen/" + slug);
        var source = page.GetByLabel("Markdown-bestand");
        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^---\\ntitle: Begeleidingsstrategieën"));
        var original = await source.InputValueAsync();

        await source.FillAsync(original.Replace("type: toelichtingsdocument", "type: geen-type", StringComparison.Ordinal));
        // Checked live, before any save, by the API's own parser.
        await Expect(page.Locator("#bron-controle li[data-field=type]")).ToContainTextAsync("geen-type");
        await Expect(source).ToHaveAttributeAsync("aria-invalid", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        var error = page.Locator("#bron-fouten li[data-field=type]");
        await Expect(error).ToContainTextAsync("geen-type");
        await Expect(error.GetByRole(AriaRole.Button, new() { Name = "regel 3" })).ToBeVisibleAsync();
        await error.GetByRole(AriaRole.Button, new() { Name = "regel 3" }).ClickAsync();
        Assert.Equal("type: geen-type", await page.EvaluateAsync<string>("(() => { const t = document.getElementById('bron'); return t.value.slice(t.selectionStart, t.selectionEnd); })()"));
        var editor = await host.App.ClientFor(Editor);
        Assert.Equal(original, await editor.GetStringAsync($"/api/materials/{slug}/source"));

        var edited = original.Replace("Leerlingen met een leerstoornis", "Leerlingen met een **leerstoornis** (bewerkt)", StringComparison.Ordinal);
        await source.FillAsync(edited);
        await Expect(page.Locator("#voorbeeld p", new() { HasText = "(bewerkt)" }).Locator("strong").First).ToHaveTextAsync("leerstoornis");
        await Expect(page.Locator("#bron-controle li")).ToHaveCountAsync(0);
        await Expect(source).ToHaveAttributeAsync("aria-invalid", "false");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Expect(page.Locator("form.editor [role=status]")).ToContainTextAsync("Opgeslagen als versie");
        await Expect(page.Locator("#bron-fouten li")).ToHaveCountAsync(0);
        Assert.Equal(edited, await editor.GetStringAsync($"/api/materials/{slug}/source"));
    }

    [Fact]
    public async Task A_new_material_starts_as_a_draft_staff_cannot_find_and_is_found_once_published()
    {
        const string slug = "faq-oogtest-kleuters";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw materiaal" }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/nieuw-materiaal");
        var source = page.GetByLabel("Markdown-bestand");
        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("status: draft"));

        await page.GetByLabel("Adres (slug)").FillAsync("faq-vaccinaties");
        await source.FillAsync(NewMaterial("draft"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.GetByText("Er bestaat al een materiaal met het adres ‘faq-vaccinaties’.")).ToBeVisibleAsync();

        await page.GetByLabel("Adres (slug)").FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/redactie/materialen/{slug}?opgeslagen=1");
        await Expect(page.GetByText("Aangemaakt als versie 1.")).ToBeVisibleAsync();
        var staff = await host.App.ClientFor(["arts"]);
        var hits = (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=oogtest kleuters")).GetProperty("hits");
        Assert.DoesNotContain(hits.EnumerateArray(), hit => hit.GetProperty("slug").GetString() == slug);

        await page.GetByLabel("Markdown-bestand").FillAsync(NewMaterial("published"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.GetByText("Opgeslagen als versie 2.")).ToBeVisibleAsync();
        var found = await staff.GetFromJsonAsync<JsonElement>("/api/search?q=oogtest kleuters");
        Assert.Equal(slug, found.GetProperty("hits")[0].GetProperty("slug").GetString());

        static string NewMaterial(string status) => $"""
            ---
            title: FAQ oogtest bij kleuters
            type: faq
            summary: Vragen van verpleegkundigen over de oogtest bij kleuters.
            core_processes: [gezondheid-groei-en-ontwikkeling]
            themes: [preventieve-gezondheidszorg]
            domains: [preventieve-gezondheidszorg]
            roles: [arts, verpleegkundige]
            contact: pieter-maes
            published: 2026-11-01
            updated: 2026-11-01
            status: {status}
            ---

            ## Wanneer doen we de oogtest bij kleuters?

            In de eerste kleuterklas, tijdens het systematisch contact.

            """;
    }

    [Fact]
    public async Task A_stale_version_is_explained_and_the_newest_can_be_loaded()
    {
        const string slug = "draaiboek-tijdelijk-onderwijs-aan-huis";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        var source = page.GetByLabel("Markdown-bestand");
        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^---"));
        var editor = await host.App.ClientFor(Editor);
        var other = (await editor.GetStringAsync($"/api/materials/{slug}/source")) + "\nIntussen door iemand anders.\n";
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}") { Content = new StringContent(other, System.Text.Encoding.UTF8, "text/markdown") };
        edit.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse((await editor.GetAsync($"/api/materials/{slug}/source")).Headers.ETag!.ToString()));
        (await editor.SendAsync(edit)).EnsureSuccessStatusCode();

        await source.FillAsync((await source.InputValueAsync()) + "\nMijn wijziging.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Iemand anders heeft dit materiaal gewijzigd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Laad de nieuwste versie" }).ClickAsync();

        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Intussen door iemand anders"));
    }

    [Fact]
    public async Task A_version_is_compared_and_restored_from_the_versions_list()
    {
        const string slug = "fiche-medicatie-en-medische-handelingen-op-school";
        var editor = await host.App.ClientFor(Editor);
        var original = await editor.GetStringAsync($"/api/materials/{slug}/source");
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        var source = page.GetByLabel("Markdown-bestand");
        await Expect(source).ToHaveValueAsync(original);
        await source.FillAsync(original + "\nEen toegevoegde alinea.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("form.editor [role=status]")).ToContainTextAsync("Opgeslagen als versie");

        var first = page.Locator("table tbody tr").Last;
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new("^Verschil met") }).ClickAsync();
        await Expect(page.Locator(".diff .add", new() { HasText = "Een toegevoegde alinea." })).ToBeVisibleAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Zet terug" }).ClickAsync();

        await Expect(page.Locator("form.editor [role=status]")).ToContainTextAsync("is teruggezet als versie");
        await Expect(source).ToHaveValueAsync(original);
        Assert.Equal(original, await editor.GetStringAsync($"/api/materials/{slug}/source"));
        await Expect(page.Locator("table tbody tr").First).ToContainTextAsync("restored version");
    }

    [Fact]
    public async Task An_attachment_is_uploaded_and_listed()
    {
        const string slug = "faq-chronisch-of-langdurig-zieke-kinderen";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        await Expect(page.GetByText("Nog geen bijlagen.").Or(page.Locator("#bijlagen-titel ~ div ul"))).ToBeVisibleAsync();

        await page.GetByLabel("Bestand", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "Leidraad Ziekte.PDF",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        await Expect(page.GetByLabel("Naam", new() { Exact = true })).ToHaveValueAsync("leidraad-ziekte.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "leidraad-ziekte.pdf" })).ToBeVisibleAsync();
        var editor = await host.App.ClientFor(Editor);
        async Task<JsonElement?> Listed() => (await editor.GetFromJsonAsync<JsonElement>($"/api/materials/{slug}/attachments"))
            .EnumerateArray().Where(a => a.GetProperty("name").GetString() == "leidraad-ziekte.pdf").Cast<JsonElement?>().FirstOrDefault();
        var first = await Listed();
        Assert.NotNull(first);

        // Replaced under its name, with the version listed; then removed.
        var bigger = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n" + new string('x', 3000) + "\n%%EOF\n");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Vervang leidraad-ziekte.pdf" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "nieuw.pdf", MimeType = "application/pdf", Buffer = bigger });
        await Expect(page.Locator("#bijlagen-titel ~ div [role=status]")).ToHaveTextAsync("leidraad-ziekte.pdf is vervangen.");
        Assert.Equal(bigger.Length, (await Listed())!.Value.GetProperty("size").GetInt64());
        Assert.NotEqual(first.Value.GetProperty("eTag").GetString(), (await Listed())!.Value.GetProperty("eTag").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijder leidraad-ziekte.pdf" }).ClickAsync();
        await Expect(page.Locator("#bijlagen-titel ~ div [role=status]")).ToHaveTextAsync("leidraad-ziekte.pdf is verwijderd.");
        Assert.Null(await Listed());
    }

    [Fact]
    public async Task An_editor_approves_a_composed_newsletter_issue()
    {
        var editor = await host.App.ClientFor(Editor);
        var composed = await editor.PostAsync("/api/newsletter/issues?month=2026-09", null);
        composed.EnsureSuccessStatusCode();
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/redactie/nieuwsbrieven?id={id}");
        await Expect(page.Locator("main")).ToContainTextAsync("samengesteld, wacht op goedkeuring");
        await Expect(page.Locator(".mail-preview iframe")).ToBeAttachedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en versturen" }).ClickAsync();

        await Expect(page.Locator("#nummer-status")).ToContainTextAsync("Goedgekeurd");
        var status = (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}")).GetProperty("issue").GetProperty("status").GetString();
        Assert.Contains(status, new[] { "approved", "sending", "sent" });
        Assert.False(string.IsNullOrEmpty((await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}")).GetProperty("approvedBy").GetString()));
    }

    [Fact]
    public async Task An_editor_composes_an_issue_previews_it_per_role_edits_its_introduction_sends_a_test_mail_and_cancels_it()
    {
        var page = await host.SignInAsync(Editor);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/redactie/nieuwsbrieven");
        await page.Locator("#maand").FillAsync("2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Samenstellen" }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/nieuwsbrieven?id=*");
        await Expect(page.Locator("main")).ToContainTextAsync("POC-a-tizer november 2026");
        await Expect(page.Locator("section[aria-labelledby=materialen-titel]")).ToContainTextAsync("FAQ vaccinaties");

        // The mail as each role gets it: the doctors' FAQ is in the arts's mail only.
        var mail = page.FrameLocator(".mail-preview iframe").Locator("body");
        await page.Locator("#voorbeeld-rol").SelectOptionAsync("arts");
        await Expect(mail).ToContainTextAsync("FAQ vaccinaties");
        // Styled as the mail is: the frame's document has its own policy, which lets its inline styles apply.
        await Expect(mail).ToHaveCSSAsync("background-color", "rgb(242, 244, 247)");
        await page.Locator("#voorbeeld-rol").SelectOptionAsync("clb-medewerker");
        await Expect(page.Locator(".mail-preview iframe")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("CLB-medewerker"));
        await Expect(mail).Not.ToContainTextAsync("FAQ vaccinaties");

        await page.Locator("#intro").FillAsync("Een **nieuwe** inleiding voor de gezondheidsploeg.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inleiding opslaan" }).ClickAsync();
        await Expect(mail.Locator("strong", new() { HasText = "nieuwe" })).ToBeVisibleAsync();

        await page.Locator("#voorbeeld-rol").SelectOptionAsync("arts");
        await page.Locator("#test-adres").FillAsync("redactie@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verstuur testmail" }).ClickAsync();
        await Expect(page.Locator("#nummer-status")).ToContainTextAsync("Testmail verstuurd naar redactie@example.org");
        var test = Assert.Single(host.Smtp.MessagesTo("redactie@example.org")).Parse();
        Assert.StartsWith("[TEST] ", test.Subject);
        Assert.Contains("FAQ vaccinaties", test.HtmlBody);
        Assert.Contains("nieuwe", test.HtmlBody);

        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Expect(page.Locator("#nummer-status")).ToHaveTextAsync("Geannuleerd.");
        await Expect(page.Locator("main")).ToContainTextAsync("Status: geannuleerd");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Goedkeuren en versturen" })).ToHaveCountAsync(0);
        Assert.Single(host.Smtp.Messages);
    }
}
