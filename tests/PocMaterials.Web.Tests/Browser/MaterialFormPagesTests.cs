using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PocMaterials.Content.Visibility;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The material form in Debian's Chromium: an editor who types no id and no YAML publishes a FAQ, the Bron toggle keeps a
/// hand-written file's bytes, errors are Dutch sentences at their field, and dates are typed and shown in Dutch.
/// </summary>
public sealed class MaterialFormPagesTests(MaterialFormPagesTests.Host host) : IClassFixture<MaterialFormPagesTests.Host>
{
    /// <summary>The pages' host on a clock the test moves (real time at first, so sign-in tokens are valid).</summary>
    public sealed class Host : BrowserHost
    {
        public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(Clock);
    }

    private static readonly string[] Editor = ["redacteur"];
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static string Dutch(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    private string FileOf(string slug) => Path.Combine(host.Folder.ContentPath, "materials", slug + ".md");

    [Fact]
    public async Task An_editor_schedules_a_faq_without_typing_an_id_or_yaml_and_staff_find_it_on_its_day()
    {
        const string slug = "faq-zwemles-bij-eczeem";
        var tomorrow = new StaffCalendar(host.Clock).Today.AddDays(1);
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/nieuw-materiaal");
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("FAQ zwemles bij eczeem");
        await Expect(page.Locator(".address code")).ToHaveTextAsync($"/materialen/{slug}");
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "FAQ-lijst" });
        await page.GetByLabel("Samenvatting").FillAsync("Vragen van ouders over zwemles voor kinderen met eczeem.");
        await Choose(page, "Thema's", "JGZ", "Preventieve gezondheidszorg");
        await Choose(page, "Voor wie", "clb", "CLB-medewerker");
        await Choose(page, "Voor wie", "arts", "Arts");
        var text = page.GetByLabel("Tekst", new() { Exact = true });
        await text.FillAsync("Antwoorden voor ouders.");
        await Question(page, "Mag mijn kind met eczeem naar de zwemles?", "Ja, met een vette crème vooraf.");
        await Question(page, "Moet de school een attest krijgen?", "Nee, een briefje van de ouders volstaat.");
        await Expect(page.Locator("#formulier-voorbeeld h2")).ToHaveCountAsync(2);

        await page.GetByLabel("Inplannen op").FillAsync(tomorrow.ToString("dd-MM-yyyy"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan in op" }).ClickAsync();
        await page.WaitForURLAsync($"**/redactie/materialen/{slug}?opgeslagen=1");
        await Expect(page.Locator(".publication-state")).ToHaveTextAsync($"Gepland op {Dutch(tomorrow)}");
        await page.GetByLabel("Kies een bestand").SetInputFilesAsync(new FilePayload
        {
            Name = "Zwemles.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Uploaden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "zwemles.pdf" })).ToBeVisibleAsync();
        var file = await File.ReadAllTextAsync(FileOf(slug));
        Assert.Contains(
            "## Mag mijn kind met eczeem naar de zwemles?\n\nJa, met een vette crème vooraf.\n", file, StringComparison.Ordinal);
        Assert.Contains("\nroles: [clb-medewerker, arts]\n", file, StringComparison.Ordinal);
        Assert.Contains($"\npublished: {tomorrow:yyyy-MM-dd}\n", file, StringComparison.Ordinal);
        // A token of today: the host checks tokens against the real time, whatever its clock says.
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        Assert.Equal(0, await FoundAsync(staff, "zwemles eczeem", slug));

        host.Clock.Now += TimeSpan.FromDays(1);
        Assert.Equal(1, await FoundAsync(staff, "zwemles eczeem", slug));

        // Signed in again: the session of yesterday has ended.
        page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        await Expect(page.Locator(".publication-state")).ToHaveTextAsync($"Gepubliceerd op {Dutch(tomorrow)}");
        var before = (await File.ReadAllTextAsync(FileOf(slug))).Split('\n');
        await page.GetByLabel("Samenvatting").FillAsync("Vragen van ouders en scholen over zwemles bij eczeem.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(page.Locator("form.editor > [role=status]")).ToContainTextAsync("Opgeslagen als versie");
        var after = (await File.ReadAllTextAsync(FileOf(slug))).Split('\n');
        Assert.Equal(before.Length, after.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToList();
        Assert.Equal([after.ToList().IndexOf("summary: Vragen van ouders en scholen over zwemles bij eczeem.")], changed);
    }

    [Fact]
    public async Task The_source_toggle_keeps_a_hand_written_file_byte_for_byte_and_a_form_edit_changes_one_line()
    {
        const string text = "---\n# Met de hand geschreven: volgorde en opmerkingen blijven.\ntype: fiche   # eerst het type\n"
            + "title: 'Handgeschreven fiche'\nsummary: >\n  Een samenvatting\n  over twee regels.\n\nroles: arts\ntags: [een,twee]\n---\n"
            + "Tekst met *nadruk*.\n";
        var page = await OpenAsync("handgeschreven-fiche", text);
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).ToHaveValueAsync("Handgeschreven fiche");
        var source = page.GetByLabel("Markdown-bestand");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        await Expect(source).ToHaveValueAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Handgeschreven fiche, herzien");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        var edited = text.Replace("title: 'Handgeschreven fiche'", "title: Handgeschreven fiche, herzien", StringComparison.Ordinal);
        await Expect(source).ToHaveValueAsync(edited);

        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(page.Locator("form.editor > [role=status]")).ToContainTextAsync("Opgeslagen als versie");
        Assert.Equal(edited, await File.ReadAllTextAsync(FileOf("handgeschreven-fiche")));
    }

    [Fact]
    public async Task Errors_are_dutch_sentences_at_their_field_and_a_dutch_date_is_saved_as_its_day()
    {
        const string slug = "fiche-met-datums";
        var page = await OpenAsync(slug, "---\ntitle: Fiche met datums\ntype: fiche\npublished: 2026-09-01\n---\nTekst.\n");
        var title = page.GetByLabel("Titel", new() { Exact = true });
        await title.FillAsync("");
        await Expect(page.Locator("#titel-fouten")).ToHaveTextAsync("De titel is verplicht.");
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        await title.FillAsync("Fiche met datums");
        var review = page.GetByLabel("Nakijken tegen");
        await review.FillAsync("01-01-2020");
        await Expect(page.Locator("#herzien-fouten")).ToHaveTextAsync(
            "De herzieningsdatum (1 januari 2020) ligt vóór de publicatiedatum (1 september 2026); dat mag niet.");
        await Expect(title).ToHaveAttributeAsync("aria-invalid", "false");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        var source = page.GetByLabel("Markdown-bestand");
        await source.FillAsync((await source.InputValueAsync()).Replace("type: fiche", "type: geen-type", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bron" }).ClickAsync();
        await Expect(page.Locator("#type-fouten")).ToHaveTextAsync("‘geen-type’ staat niet in de types. Kies een bestaande waarde.");
        await Expect(page.GetByLabel("Type", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fiche" });
        await review.FillAsync("3-2-2031");
        await review.BlurAsync();
        await Expect(review).ToHaveValueAsync("3 februari 2031");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar wijzigingen" }).ClickAsync();
        await Expect(page.Locator("form.editor > [role=status]")).ToContainTextAsync("Opgeslagen als versie");
        Assert.Equal("---\ntitle: Fiche met datums\ntype: fiche\npublished: 2026-09-01\nreview_by: 2031-02-03\n---\nTekst.\n",
            await File.ReadAllTextAsync(FileOf(slug)));
    }

    /// <summary>A hand-written file, once the host serves it, open in the editor's form.</summary>
    private async Task<IPage> OpenAsync(string slug, string text)
    {
        host.Folder.Write(Path.Combine("content", "materials", slug + ".md"), text);
        var editor = await host.App.ClientFor(Editor);
        await Eventually.TrueAsync(async () => (await editor.GetAsync($"/api/materials/{slug}")).IsSuccessStatusCode, $"{slug} not served");
        var page = await host.SignInAsync(Editor);
        await page.GotoAsync("/redactie/materialen/" + slug);
        await Expect(page.GetByLabel("Titel", new() { Exact = true })).Not.ToHaveValueAsync("");
        return page;
    }

    private static async Task Choose(IPage page, string field, string typed, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = field }).FillAsync(typed);
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verwijder " + option })).ToBeVisibleAsync();
    }

    /// <summary>"Vraag toevoegen" selects the new question to type over; its answer is the line two below it.</summary>
    private static async Task Question(IPage page, string question, string answer)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen" }).ClickAsync();
        await page.Keyboard.TypeAsync(question);
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Home");
        await page.Keyboard.PressAsync("Shift+End");
        await page.Keyboard.TypeAsync(answer);
    }

    private static async Task<int> FoundAsync(HttpClient staff, string query, string slug)
    {
        var hits = (await staff.GetFromJsonAsync<JsonElement>($"/api/search?q={Uri.EscapeDataString(query)}")).GetProperty("hits");
        return hits.EnumerateArray().Count(hit => hit.GetProperty("slug").GetString() == slug);
    }
}
