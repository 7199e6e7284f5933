using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// "Was dit nuttig?" in Chromium: a staff member votes no with a reason on a FAQ answer and yes on the material, changes
/// the answer's vote, finds both votes again after a reload (and another staff member finds none of them), and the
/// editor's dashboard shows it: the answer with its reason and comment, and the material moved
/// into the review queue because staff called it outdated.
/// </summary>
[Collection(EditorPagesHost.Name)]
public sealed class FeedbackPagesTests(SmtpBrowserHost host)
{
    private const string Question = "Hoe lang loopt een leersteuntraject?";
    private const string Comment = "Verwijst nog naar de regeling van vorig schooljaar.";

    [Fact]
    public async Task A_staff_members_votes_and_their_change_reach_the_editors_dashboard()
    {
        var staff = await host.SignInAsync(["clb-medewerker"]);
        await staff.GotoAsync("/materialen/faq-decreet-leersteun");
        var answer = staff.Locator($"h2:has-text('{Question}') ~ .feedback").First;
        var material = staff.Locator(".feedback", new() { HasText = "Was dit materiaal nuttig?" });

        await answer.GetByRole(AriaRole.Button, new() { Name = "Nee" }).ClickAsync();
        await answer.GetByLabel("Onduidelijk").CheckAsync();
        await answer.GetByRole(AriaRole.Button, new() { Name = "Verstuur" }).ClickAsync();
        await Expect(answer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedankt, je stem is bewaard.");
        await material.GetByRole(AriaRole.Button, new() { Name = "Ja" }).ClickAsync();
        await Expect(material.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedankt, je stem is bewaard.");
        await Expect(material.GetByRole(AriaRole.Button, new() { Name = "Ja" })).ToHaveAttributeAsync("aria-pressed", "true");
        // Changed: outdated after all, with a comment; the counter follows the text and the page warns against names.
        await answer.GetByRole(AriaRole.Button, new() { Name = "Nee" }).ClickAsync();
        await answer.GetByLabel("Verouderd").CheckAsync();
        await answer.GetByLabel("Toelichting (niet verplicht)").FillAsync(Comment);
        await Expect(answer).ToContainTextAsync($"{Comment.Length} / 500 tekens");
        await Expect(answer).ToContainTextAsync("Schrijf geen namen van leerlingen");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Verstuur" }).ClickAsync();
        await Expect(answer.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedankt, je stem is gewijzigd.");

        // Reloaded: the votes are there again, pressed and said, and the no's reason and comment are ready to change.
        await staff.ReloadAsync();
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Nee" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "Ja" })).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(answer.Locator(".feedback-kept"))
            .ToHaveTextAsync(new Regex(@"^Jouw stem van \d{1,2} [a-z]+ \d{4}: nee, verouderd\. Kies opnieuw om je stem te wijzigen\.$"));
        await Expect(material.GetByRole(AriaRole.Button, new() { Name = "Ja" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(material.Locator(".feedback-kept")).ToContainTextAsync(": ja.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Nee" }).ClickAsync();
        await Expect(answer.GetByLabel("Verouderd")).ToBeCheckedAsync();
        await Expect(answer.GetByLabel("Toelichting (niet verplicht)")).ToHaveValueAsync(Comment);
        await BrowserHost.ScreenshotAsync(staff, "materiaal-nuttig-herladen-desktop");
        await staff.Context.CloseAsync();

        // A colleague finds their own vote on the material once it loaded, and nothing of the first one's on the answer.
        var colleague = await host.SignInAsync(["clb-medewerker"], width: 390);
        await colleague.GotoAsync("/materialen/faq-decreet-leersteun");
        var theirMaterial = colleague.Locator(".feedback", new() { HasText = "Was dit materiaal nuttig?" });
        await theirMaterial.GetByRole(AriaRole.Button, new() { Name = "Ja" }).ClickAsync();
        await Expect(theirMaterial.GetByRole(AriaRole.Status)).ToHaveTextAsync("Bedankt, je stem is bewaard.");
        await colleague.ReloadAsync();
        await Expect(theirMaterial.Locator(".feedback-kept")).ToContainTextAsync(": ja.");
        var theirAnswer = colleague.Locator($"h2:has-text('{Question}') ~ .feedback").First;
        await Expect(theirAnswer.GetByRole(AriaRole.Button, new() { Name = "Nee" })).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(theirAnswer.Locator(".feedback-kept")).ToBeEmptyAsync();
        await BrowserHost.ScreenshotAsync(colleague, "materiaal-nuttig-herladen-telefoon");
        await colleague.Context.CloseAsync();

        foreach (var (width, device) in new[] { (390, "telefoon"), (1280, "desktop") })
        {
            var page = await host.SignInAsync(["redacteur"], "gent", width, 900);
            await page.GotoAsync("/redactie");
            var section = page.Locator("section[aria-labelledby=nuttig-titel]");
            var item = section.Locator("li", new() { HasText = Question });
            await Expect(item).ToContainTextAsync("1 keer nee, 0 keer ja");
            await Expect(item).ToContainTextAsync("verouderd 1");
            await item.GetByText("Opmerkingen").ClickAsync();
            await Expect(item.Locator("q")).ToHaveTextAsync(Comment);
            var queued = page.Locator("section[aria-labelledby=review-titel] tr", new() { HasText = "FAQ decreet leersteun" });
            await Expect(queued).ToContainTextAsync("1× ‘verouderd’ gestemd");
            await section.ScrollIntoViewIfNeededAsync();
            var file = Path.Combine(AccessibilityTests.ScreenshotsPath, $"redactie-nuttig-{device}.png");
            await section.ScreenshotAsync(new() { Path = file });
            await page.Context.CloseAsync();
        }
    }
}
