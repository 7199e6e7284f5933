using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// The mail as the SMTP server received it, opened in Debian's Chromium at a phone's width and a desktop's: nothing
/// sticks out to the right (long words and addresses, a wide image, a table in the introduction), and a screenshot of
/// each is written to tests/screenshots/ for people to look at.
/// </summary>
[Collection(EditorPagesHost.Name)]
public sealed class NewsletterMailLayoutTests(SmtpBrowserHost host)
{
    private const string Intro = """
        Lees eerst de omzendbrief: https://onderwijs.vlaanderen.example.org/onderwijspersoneel/leersteun/omzendbrief-leersteundecreet-2026

        Het begrip leerlingenbegeleidingsondersteuningsaanvraagformulierverwerkingsprocedure komt vaak terug.

        ![Schema van het leersteunmodel](https://beelden.example.org/leersteunmodel.svg)

        | Fase | Wie | Wat | Termijn |
        | --- | --- | --- | --- |
        | Aanmelding | School | Vraagt leersteun aan bij het leersteuncentrum | binnen tien schooldagen |
        | Afstemming | CLB | Stemt af met ouders, school en leersteuncentrum | binnen een maand |
        """;

    // An image far wider than any phone, served by the route below: the mail must scale it down.
    private const string WideImage = """
        <svg xmlns="http://www.w3.org/2000/svg" width="1400" height="350"><rect width="1400" height="350" fill="#004f7c"/></svg>
        """;

    [Fact]
    public async Task The_mail_fits_a_phone_and_a_desktop_without_sticking_out_to_the_right()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var composed = await editor.PostAsync("/api/newsletter/issues?month=2026-06", null);
        composed.EnsureSuccessStatusCode();
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
        (await editor.PutAsJsonAsync($"/api/newsletter/issues/{id}/intro", new { markdown = Intro })).EnsureSuccessStatusCode();
        (await editor.PostAsJsonAsync($"/api/newsletter/issues/{id}/test", new { email = "opmaak@example.org", roles = new[] { "arts" } }))
            .EnsureSuccessStatusCode();
        var html = Assert.Single(host.Smtp.MessagesTo("opmaak@example.org")).Parse().HtmlBody!;

        foreach (var (width, height, device) in new[] { (390, 844, "telefoon"), (1280, 900, "desktop") })
        {
            var page = await host.NewPageAsync(width, height);
            await page.RouteAsync("https://beelden.example.org/**", route => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "image/svg+xml",
                Body = WideImage,
            }));
            await page.SetContentAsync(html);
            await page.WaitForFunctionAsync("[...document.images].every(i => i.complete)");
            Directory.CreateDirectory(AccessibilityTests.ScreenshotsPath);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(AccessibilityTests.ScreenshotsPath, $"nieuwsbrief-mail-{device}.png"),
                FullPage = true,
            });

            var overflow = await page.EvaluateAsync<JsonElement>("""
                () => ({
                  scrollWidth: document.documentElement.scrollWidth,
                  wider: [...document.body.querySelectorAll('*')]
                    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .map((e) => `${e.tagName} ${Math.round(e.getBoundingClientRect().right)}px: ${e.textContent.trim().slice(0, 40)}`),
                  image: document.querySelector('img[alt^="Schema"]').getBoundingClientRect().width,
                })
                """);
            await page.Context.CloseAsync();

            Assert.True(overflow.GetProperty("scrollWidth").GetInt32() <= width, $"{device}: the page is wider than {width}px: {overflow}");
            Assert.True(overflow.GetProperty("wider").GetArrayLength() == 0, $"{device}: wider than {width}px: {overflow}");
            Assert.InRange(overflow.GetProperty("image").GetDouble(), 100, 600);
        }
    }
}
