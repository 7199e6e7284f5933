using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Testing;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Every staff and editor page checked with axe (no serious or critical violation) at desktop and phone width, and a
/// screenshot of each written to tests/screenshots/ for people to look at.
/// </summary>
public sealed class AccessibilityTests(AccessibilityTests.Host host) : IClassFixture<AccessibilityTests.Host>
{
    /// <summary>
    /// The pages' host, with one newsletter issue sent so the archive has something to show, "Was dit nuttig?" votes
    /// for the dashboard's list, two school years of reach and helpdesk questions for the school-year report's charts, and
    /// a question answered and rated (its page's address says which).
    /// </summary>
    public sealed class Host : BrowserHost
    {
        /// <summary>The question answered and rated, whose page is shown.</summary>
        public long AnsweredQuestion { get; private set; }

        // The score is clicked as soon as its mail is written: no scanner window to wait out.
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Newsletter:ScannerWindow"] = "00:00:00" };

        protected override async Task StartedAsync()
        {
            await base.StartedAsync();
            await SendNewsletterAsync("2026-10");
            await AnnualReportPageData.WriteAsync(App.ConnectionString);
            var staff = await App.ClientFor(["clb-medewerker"]);
            var anchor = (await staff.GetFromJsonAsync<JsonElement>("/api/materials/faq-decreet-leersteun"))
                .GetProperty("questions")[1].GetProperty("anchor").GetString();
            foreach (var vote in new object[]
            {
                new { helpful = false, reason = "verouderd", comment = "De termijnen zijn veranderd.", anchor },
                new { helpful = false, reason = "onvolledig" },
            })
            {
                (await staff.PostAsJsonAsync("/api/materials/faq-decreet-leersteun/feedback", vote)).EnsureSuccessStatusCode();
            }
            await AnnualReportPageData.WriteQuestionsAsync(App.Services.GetRequiredService<QuestionStore>());
            AnsweredQuestion = await HelpdeskSeed.AskAndAnswerAsync(App);
        }
    }

    public static readonly string ScreenshotsPath = Path.Combine(ContentFolder.RepositoryRoot, "tests", "screenshots");

    public static TheoryData<string, string, string> Pages() => new()
    {
        { "aanmelden", "/aanmelden", "h1" },
        { "zoeken", "/zoeken?q=leersteun", ".hit" },
        { "zoeken-leeg", "/zoeken?q=xqzwvk", ".notice" },
        { "materiaal", "/materialen/faq-decreet-leersteun", ".body" },
        { "materiaal-nuttig-nee", "/materialen/faq-decreet-leersteun", ".feedback-why:not([hidden])" },
        { "materiaal-herzien", "/materialen/vademecum-m-decreet", ".notice.warn" },
        { "themas", "/themas", ".grid" },
        { "thema", "/themas/decreet-leersteun", ".body" },
        { "nieuwsbrieven", "/nieuwsbrieven", ".list" },
        { "nieuwsbrief", "/nieuwsbrieven/2026-10", ".newsletter" },
        { "redactie", "/redactie", ".dashboard" },
        { "redactie-jaarverslag", "/redactie/jaarverslag?schooljaar=2025-2026", "section[aria-labelledby=tabel-centres] table" },
        { "redactie-bewerken", "/redactie/materialen/faq-decreet-leersteun", "table" },
        { "redactie-bewerken-fouten", "/redactie/materialen/faq-decreet-leersteun?probeer=fouten", "#titel-fouten p" },
        { "redactie-nieuw", "/redactie/nieuw-materiaal", "#titel" },
        { "redactie-nieuwsbrieven", "/redactie/nieuwsbrieven", ".mail-preview iframe" },
        { "redactie-themas", "/redactie/themas", ".definitions" },
        { "redactie-thema", "/redactie/themas/decreet-leersteun", "#voorbeeld p" },
        { "redactie-contacten", "/redactie/contacten", "form[data-contact]" },
        { "redactie-taxonomie", "/redactie/taxonomie", "form[data-term]" },
        { "redactie-kalender", "/redactie/kalender", "form[data-month]" },
        { "redactie-abonnees", "/redactie/abonnees", "#csv" },
        { "materiaal-vraag", "/materialen/faq-decreet-leersteun", "#vraag-tekst-fouten p" },
        { "redactie-vragen", "/redactie/vragen", ".similar" },
        { "redactie-vragen-fouten", "/redactie/vragen", "#registratie-tekst-fouten p" },
        { "redactie-vraag", "/redactie/vragen/{vraag}", "#antwoord-tekst" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_has_no_serious_or_critical_accessibility_violation_at_desktop_and_phone_width(
        string name, string path, string ready)
    {
        foreach (var (width, height, device) in new[] { (1280, 900, "desktop"), (390, 844, "telefoon") })
        {
            var page = name == "aanmelden" ? await host.NewPageAsync(width, height)
                : await host.SignInAsync(
                    [name.StartsWith("redactie", StringComparison.Ordinal) ? "redacteur" : "clb-medewerker"], "gent", width, height);
            await page.GotoAsync(path.Replace("{vraag}", host.AnsweredQuestion.ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal));
            if (name == "redactie-bewerken-fouten")
            {
                // The form with errors at their fields: an empty title and a review date before the publication.
                await Expect(page.GetByLabel("Titel", new() { Exact = true })).Not.ToHaveValueAsync("");
                await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("");
                await page.GetByLabel("Nakijken tegen").FillAsync("01-01-2001");
            }
            if (name == "materiaal-nuttig-nee")
            {
                // The vote of an answer with its "no" open: the reasons, the comment and its counter.
                await page.Locator(".body .feedback").First.GetByRole(AriaRole.Button, new() { Name = "Nee" }).ClickAsync();
                await page.GetByLabel("Toelichting (niet verplicht)").First.FillAsync("Het antwoord mist de nieuwe termijnen.");
            }
            await FillFormAsync(page, name);
            await Expect(page.Locator(ready).First).ToBeVisibleAsync();
            // A framed document is drawn once its own text is there, not when its frame is.
            foreach (var frame in await page.Locator("iframe[src]").AllAsync())
                await Expect(frame.ContentFrame.Locator("body")).Not.ToBeEmptyAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var stray = await page.EvaluateAsync<string[]>(StrayWords);
            Assert.True(stray.Length == 0, $"{path} at {width}px shows: " + string.Join(" | ", stray));

            // axe cannot run inside a sandboxed frame (no scripts there, so it would wait forever): a framed
            // mail preview is checked as a page of its own below.
            var violations = (await page.RunAxe(new AxeRunOptions { Iframes = false })).Violations.ToList();
            Directory.CreateDirectory(ScreenshotsPath);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotsPath, $"{name}-{device}.png"),
                FullPage = true,
            });
            foreach (var (frame, i) in (await page.Locator("iframe[src]").AllAsync()).Select((f, i) => (f, i)))
            {
                // A full-page screenshot leaves a frame's document out (Playwright issue 40583): the frame on its own.
                await frame.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotsPath, $"{name}-{device}-kader{i + 1}.png") });
                var framed = await page.Context.NewPageAsync();
                await framed.SetContentAsync(
                    await (await page.Context.APIRequest.GetAsync(await frame.GetAttributeAsync("src") ?? "")).TextAsync());
                violations.AddRange((await framed.RunAxe()).Violations);
            }
            await page.Context.CloseAsync();

            var serious = violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path} at {width}px: " + string.Join("; ", serious.Select(Describe)));
        }
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_moves_focus_to_the_main_content()
    {
        var page = await host.SignInAsync(["clb-medewerker"]);
        await page.GotoAsync("/themas");
        await Expect(page.Locator(".grid")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        var first = await page.EvaluateAsync<string>("document.activeElement.textContent");
        await page.Keyboard.PressAsync("Enter");

        Assert.Equal("Naar de inhoud", first);
        Assert.Equal("Inhoud", await page.EvaluateAsync<string>("document.activeElement.id"));
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
    }

    /// <summary>The helpdesk's forms open with the errors of an empty question at their fields.</summary>
    private static async Task FillFormAsync(IPage page, string name)
    {
        if (name == "materiaal-vraag")
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Stel je vraag" }).ClickAsync();
            await page.Locator("#vraag-formulier").GetByRole(AriaRole.Button, new() { Name = "Verstuur" }).ClickAsync();
        }
        if (name == "redactie-vragen-fouten")
        {
            await Expect(page.Locator(".similar").First).ToBeVisibleAsync();
            await page.GetByLabel("Bestede minuten").FillAsync("900");
            await page.GetByRole(AriaRole.Button, new() { Name = "Registreer" }).ClickAsync();
        }
    }

    /// <summary>Every text node holding what a script left unset or unformatted (false, null, undefined, NaN, [object ...]).</summary>
    private const string StrayWords = """
        () => {
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const found = [];
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent;
            if (/\b(false|null|undefined|NaN)\b|\[object/.test(text)) found.push(text.trim().slice(0, 80));
          }
          return found;
        }
        """;

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}";
}
