using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Writing a material's body in the form's text area ("Tekst") in Debian's Chromium: a link to another material picked by
/// words of its title (the toolbar's "Link" or Ctrl+K), which still opens it after a rename, and files dropped or pasted
/// into the text uploaded and linked at the cursor; the same on the file in "Bron".
/// </summary>
public sealed class MaterialBodyPagesTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] Editor = ["redacteur"];

    /// <summary>A 1×1 PNG: the API tells an attachment's type from its bytes.</summary>
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public async Task A_material_picked_by_words_of_its_title_is_linked_at_the_cursor_and_the_link_still_opens_it_after_a_rename()
    {
        const string slug = "pgz-procedure-audiometrie";
        const string target = "leidraad-aanvangsbegeleiding-nieuwe-clb-medewerkers";
        const string title = "Leidraad aanvangsbegeleiding nieuwe CLB-medewerkers";
        var (page, source, original) = await OpenEditorAsync(slug);
        await source.FillAsync(original + "\nZie ook de nieuwe collega's.\n");

        // Escape closes the dialog and gives the text area its focus back, nothing inserted.
        await LinkButton(page).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Link naar een materiaal" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByLabel("Zoek op woorden uit de titel")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(source).ToBeFocusedAsync();
        Assert.Equal(original + "\nZie ook de nieuwe collega's.\n", await source.InputValueAsync());

        // The selected words become the link text; the material is found by words from the middle of its title.
        await SelectAsync(page, "de nieuwe collega's");
        await LinkButton(page).ClickAsync();
        await dialog.GetByLabel("Zoek op woorden uit de titel").PressSequentiallyAsync("aanvangsbeg nieuwe");
        await Expect(dialog.GetByRole(AriaRole.Status)).ToContainTextAsync("kies er een");
        await AssertPickerReadableAsync(page, "desktop");
        // The dialog fits a phone too.
        await page.SetViewportSizeAsync(390, 844);
        await AssertPickerReadableAsync(page, "telefoon");
        await page.SetViewportSizeAsync(1280, 900);
        await dialog.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var linked = original + $"\nZie ook [de nieuwe collega's](/materials/{target}).\n";
        await Expect(source).ToHaveValueAsync(linked);

        // Without a selection the material's title is the link text; Ctrl+K in the text opens the picker too.
        await page.EvaluateAsync(
            "() => { const t = document.getElementById('tekst'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
        await page.Keyboard.PressAsync("Control+k");
        await dialog.GetByLabel("Zoek op woorden uit de titel").PressSequentiallyAsync("aanvangsbegeleiding");
        await dialog.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
        await Expect(source).ToHaveValueAsync(linked + $"[{title}](/materials/{target})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(page.Locator("form.editor [role=status]")).ToContainTextAsync("Opgeslagen als versie");

        var editor = await host.App.ClientFor(Editor);
        (await editor.PostAsJsonAsync($"/api/materials/{target}/rename", new { slug = "leidraad-onthaal-nieuwe-clb-medewerkers" }))
            .EnsureSuccessStatusCode();
        await page.GotoAsync("/materialen/" + slug);
        await page.Locator(".body").GetByRole(AriaRole.Link, new() { Name = "de nieuwe collega's" }).ClickAsync();
        await page.WaitForURLAsync("**/materialen/leidraad-onthaal-nieuwe-clb-medewerkers");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task A_dropped_file_is_uploaded_and_linked_at_the_cursor_and_a_refused_one_is_explained_in_Dutch()
    {
        const string slug = "pgz-procedure-gezichtsscherpte";
        var (page, source, original) = await OpenEditorAsync(slug);
        var at = original.IndexOf('\n', StringComparison.Ordinal) + 1;

        await page.EvaluateAsync($"() => {{ const t = document.getElementById('tekst'); t.focus(); t.setSelectionRange({at}, {at}); }}");
        await TransferAsync(page, "drop", "Schema Overleg.png", "image/png", Png);
        var image = $"![schema overleg](/api/materials/{slug}/attachments/schema-overleg.png)";
        await Expect(source).ToHaveValueAsync(original.Insert(at, image));
        await Expect(page.Locator(".drop-status")).ToHaveTextAsync("schema-overleg.png is toegevoegd als bijlage en gelinkt.");
        // The list of attachments follows, and the file is the one dropped.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "schema-overleg.png" })).ToBeVisibleAsync();
        var editor = await host.App.ClientFor(Editor);
        Assert.Equal(Convert.FromBase64String(Png),
            await editor.GetByteArrayAsync($"/api/materials/{slug}/attachments/schema-overleg.png"));

        // The same name again is not replaced but numbered; a kind of file the API refuses is said in Dutch.
        await TransferAsync(page, "paste", "schema overleg.PNG", "image/png", Png);
        var both = original.Insert(at, image + $"![schema overleg 2](/api/materials/{slug}/attachments/schema-overleg-2.png)");
        await Expect(source).ToHaveValueAsync(both);
        await TransferAsync(page, "paste", "notities.txt", "text/plain", Convert.ToBase64String("Notities"u8.ToArray()));
        await Expect(page.Locator(".drop-status")).ToHaveTextAsync(new Regex(
            "^notities\\.txt is niet toegevoegd\\. Dit soort bestand kan niet: voeg een PDF"));
        await Expect(source).ToHaveValueAsync(both);
        var names = (await editor.GetFromJsonAsync<JsonElement>($"/api/materials/{slug}/attachments"))
            .EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToList();
        Assert.Equal(new[] { "schema-overleg-2.png", "schema-overleg.png" }, names.Order(StringComparer.Ordinal));

        // In the file itself ("Bron") a dropped file is linked as well; the form shows it in its text afterwards.
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        var file = page.GetByLabel("Markdown-bestand");
        await Expect(file).ToHaveValueAsync(new Regex("^---\n"));
        await page.EvaluateAsync(
            "() => { const t = document.getElementById('bron'); t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
        await TransferAsync(page, "drop", "verslag.pdf", "application/pdf", Convert.ToBase64String(SampleFiles.Pdf()), "bron");
        var pdf = $"[verslag.pdf](/api/materials/{slug}/attachments/verslag.pdf)";
        await Expect(file).ToHaveValueAsync(new Regex(Regex.Escape(pdf) + "$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        await Expect(source).ToHaveValueAsync(both + pdf);

        // A material that is not saved yet has no place for files.
        await page.GotoAsync("/redactie/nieuw-materiaal");
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToBeVisibleAsync();
        await TransferAsync(page, "drop", "schema.png", "image/png", Png);
        await Expect(page.Locator(".drop-status")).ToHaveTextAsync(
            "Bewaar het materiaal eerst: pas daarna kun je er bestanden in slepen of plakken.");
    }

    /// <summary>A signed-in editor on a material's edit page: the page, the form's text area and its text as loaded.</summary>
    private async Task<(IPage Page, ILocator Text, string Original)> OpenEditorAsync(string slug)
    {
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).Not.ToHaveValueAsync("");
        var text = page.GetByLabel("Tekst", new() { Exact = true });
        await Expect(text).Not.ToHaveValueAsync("");
        return (page, text, await text.InputValueAsync());
    }

    /// <summary>No serious accessibility fault with the link picker open, and a screenshot to look at.</summary>
    private static async Task AssertPickerReadableAsync(IPage page, string device)
    {
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ToList();
        Assert.True(serious.Count == 0, string.Join(", ", serious));
        Directory.CreateDirectory(AccessibilityTests.ScreenshotsPath);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AccessibilityTests.ScreenshotsPath, $"redactie-link-kiezen-{device}.png") });
    }

    /// <summary>The toolbar's link button over the form's text.</summary>
    private static ILocator LinkButton(IPage page) =>
        page.GetByRole(AriaRole.Toolbar, new() { Name = "Opmaak van de tekst" })
            .GetByRole(AriaRole.Button, new() { Name = "Link", Exact = true });

    /// <summary>Drops or pastes a file on a text area (the form's by default) as a browser does: an event with a DataTransfer.</summary>
    private static Task TransferAsync(IPage page, string kind, string name, string type, string base64, string id = "tekst") =>
        page.EvaluateAsync(
        """
        ([kind, name, type, base64, id]) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name, { type }));
          const t = document.getElementById(id);
          t.dispatchEvent(kind === 'drop'
            ? new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
            : new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
        }
        """,
        new[] { kind, name, type, base64, id });

    private static Task SelectAsync(IPage page, string words) => page.EvaluateAsync(
        "(words) => { const t = document.getElementById('tekst'); const at = t.value.lastIndexOf(words); "
        + "t.focus(); t.setSelectionRange(at, at + words.length); }",
        words);
}
