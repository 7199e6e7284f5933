using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The material editor's source view ("Bron") in Debian's Chromium: editing, a new material, a stale version, attachments.
/// The form view is tested in <see cref="MaterialFormPagesTests"/>, versions side by side in <see cref="MaterialVersionPagesTests"/>.
/// </summary>
[Collection(EditorPagesHost.Name)]
public sealed class MaterialEditorPagesTests(SmtpBrowserHost host)
{
    private static readonly string[] Editor = ["redacteur"];

    [Fact]
    public async Task Editing_a_material_shows_a_validation_error_at_its_field_and_line_then_saves_the_text()
    {
        const string slug = "begeleidingsstrategieen-leerlingen-met-leerstoornissen";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/materialen/" + slug);
        await page.GetByRole(AriaRole.Link, new() { Name = "Bewerken" }).ClickAsync();
        await page.WaitForURLAsync("**/redactie/materialen/" + slug);
        var source = await SourceAsync(page);
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
        Assert.Equal("type: geen-type", await page.EvaluateAsync<string>(
            "(() => { const t = document.getElementById('bron'); "
            + "return t.value.slice(t.selectionStart, t.selectionEnd); })()"));
        var editor = await host.App.ClientFor(Editor);
        Assert.Equal(original, await editor.GetStringAsync($"/api/materials/{slug}/source"));

        var edited = original.Replace(
            "Leerlingen met een leerstoornis", "Leerlingen met een **leerstoornis** (bewerkt)", StringComparison.Ordinal);
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
        await page.GetByRole(AriaRole.Button, new() { Name = "wijzig adres" }).ClickAsync();
        await page.GetByLabel("Adres", new() { Exact = true }).FillAsync("faq-vaccinaties");
        await Expect(page.GetByText("Er bestaat al een materiaal met het adres ‘faq-vaccinaties’.")).ToBeVisibleAsync();
        var source = await SourceAsync(page);
        await source.FillAsync(NewMaterial("draft"));

        await page.GetByLabel("Adres", new() { Exact = true }).FillAsync(slug);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/redactie/materialen/{slug}?opgeslagen=1");
        await Expect(page.GetByText("Aangemaakt als versie 1.")).ToBeVisibleAsync();
        var staff = await host.App.ClientFor(["arts"]);
        var hits = (await staff.GetFromJsonAsync<JsonElement>("/api/search?q=oogtest kleuters")).GetProperty("hits");
        Assert.DoesNotContain(hits.EnumerateArray(), hit => hit.GetProperty("slug").GetString() == slug);

        await (await SourceAsync(page)).FillAsync(NewMaterial("published"));
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
        var source = await SourceAsync(page);
        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^---"));
        var editor = await host.App.ClientFor(Editor);
        var other = (await editor.GetStringAsync($"/api/materials/{slug}/source")) + "\nIntussen door iemand anders.\n";
        using var edit = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
        {
            Content = new StringContent(other, System.Text.Encoding.UTF8, "text/markdown"),
        };
        edit.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(
            (await editor.GetAsync($"/api/materials/{slug}/source")).Headers.ETag!.ToString()));
        (await editor.SendAsync(edit)).EnsureSuccessStatusCode();

        await source.FillAsync((await source.InputValueAsync()) + "\nMijn wijziging.\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Iemand anders heeft dit materiaal gewijzigd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Laad de nieuwste versie" }).ClickAsync();

        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Intussen door iemand anders"));
    }

    [Fact]
    public async Task An_attachment_is_uploaded_and_listed()
    {
        const string slug = "faq-chronisch-of-langdurig-zieke-kinderen";
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        await Expect(page.GetByText("Nog geen bijlagen.").Or(page.Locator("#bijlagen-titel ~ div ul"))).ToBeVisibleAsync();

        await page.GetByLabel("Kies een bestand").SetInputFilesAsync(new FilePayload
        {
            Name = "Leidraad Ziekte.PDF",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        });
        // The chosen file said in Dutch (not the browser's "No file chosen"), and a name the API takes made from its own.
        await Expect(page.Locator("#bijlage-gekozen")).ToHaveTextAsync("Gekozen: Leidraad Ziekte.PDF");
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
        var chooser = await page.RunAndWaitForFileChooserAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Vervang leidraad-ziekte.pdf" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = "nieuw.pdf", MimeType = "application/pdf", Buffer = bigger });
        await Expect(page.Locator("#bijlagen-titel ~ div [role=status]")).ToHaveTextAsync("leidraad-ziekte.pdf is vervangen.");
        Assert.Equal(bigger.Length, (await Listed())!.Value.GetProperty("size").GetInt64());
        Assert.NotEqual(first.Value.GetProperty("eTag").GetString(), (await Listed())!.Value.GetProperty("eTag").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijder leidraad-ziekte.pdf" }).ClickAsync();
        await Expect(page.Locator("#bijlagen-titel ~ div [role=status]")).ToHaveTextAsync("leidraad-ziekte.pdf is verwijderd.");
        Assert.Null(await Listed());
    }

    /// <summary>The source view, once the form has loaded: the file itself.</summary>
    private static async Task<ILocator> SourceAsync(IPage page)
    {
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        var source = page.GetByLabel("Markdown-bestand");
        await Expect(source).ToBeVisibleAsync();
        return source;
    }
}
