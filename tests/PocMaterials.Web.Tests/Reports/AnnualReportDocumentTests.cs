using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Web.Tests.Browser;
using static PocMaterials.Web.Tests.Reports.AnnualReportCounts;
using static PocMaterials.Web.Tests.Reports.AnnualReportSeed;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>
/// The school-year report as its page and its PDF show it: one HTML layout with SVG charts that say what they show, and
/// the PDF Debian's Chromium prints of it, read back with poppler's tools (installed by <c>./poc</c>).
/// </summary>
[Collection(AnnualReportHost.Name)]
public sealed class AnnualReportDocumentTests(AnnualReportHost host)
{
    private const string Html = "/api/reports/annual.html?schoolYear=2031-2032";
    private const string Pdf = "/api/reports/annual.pdf?schoolYear=2031-2032";

    [Fact]
    public async Task The_html_has_its_tables_and_charts_named_and_described_and_shows_what_staff_typed_as_text()
    {
        var response = await host.Editor.GetAsync(Html);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<h1>Jaarverslag 2031-2032</h1>", html, StringComparison.Ordinal);
        foreach (var (table, title) in new[]
        {
            ("views-by-month", "Weergaven per maand"), ("centres", "Unieke medewerkers per centrum"),
            ("helpdesk-themes", "Helpdeskvragen per thema"),
        })
        {
            Assert.Contains($"""role="img" aria-labelledby="grafiek-{table}-titel grafiek-{table}-uitleg" """, html,
                StringComparison.Ordinal);
            Assert.Contains($"""<title id="grafiek-{table}-titel">{title}</title>""", html, StringComparison.Ordinal);
            Assert.Contains($"""<desc id="grafiek-{table}-uitleg">{title}: schooljaar 2031-2032 naast 2030-2031.""", html,
                StringComparison.Ordinal);
        }
        // The month of the most views this year is the chart's description's highest.
        var busiest = Enumerable.Range(0, 12).Select(i => Year.From.AddMonths(i)).MaxBy(ViewsIn);
        var dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-BE");
        Assert.Contains($"Het hoogst dit schooljaar: {busiest.ToString("MMMM yyyy", dutch)} "
            + $"met {ViewsIn(busiest)}.", html, StringComparison.Ordinal);
        Assert.Contains($"<td>{WebUtility.HtmlEncode(StaffShare("gent"))}</td>", html, StringComparison.Ordinal);
        // A mean in Dutch (3,5), and a dash where a year has none.
        var (_, answers) = AnnualHelpdeskSeed.Figures(_ => true, Year);
        Assert.Contains($"""<td class="number">{answers[1]!.Value.ToString("0.#", dutch)}</td>""", html, StringComparison.Ordinal);
        Assert.Contains("""<td class="number">–</td>""", html, StringComparison.Ordinal);
        Assert.Contains("""<a href="/api/reports/annual?schoolYear=2031-2032&amp;format=csv&amp;table=centres" download>""", html,
            StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Markup), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Markup, html, StringComparison.Ordinal);
        foreach (var word in new[] { "NaN", "undefined", "null", "false", AnnualReportHost.Secret })
            Assert.DoesNotContain(word, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_is_an_a4_document_whose_text_holds_the_reports_figures_without_its_links()
    {
        var response = await host.Editor.GetAsync(Pdf);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var file = Path.Combine(host.Folder.DataPath, "jaarverslag.pdf");
        await File.WriteAllBytesAsync(file, pdf);

        var info = await Poppler("pdfinfo", file);
        Assert.Matches(@"Pages:\s+[1-9]", info);
        Assert.Contains("(A4)", info, StringComparison.Ordinal);
        var text = (await Poppler("pdftotext", "-layout", file, "-")).Replace('\u00a0', ' ');
        Assert.Contains("Jaarverslag 2031-2032", text, StringComparison.Ordinal);
        Assert.Contains(StaffShare("gent").Replace('\u00a0', ' '), text, StringComparison.Ordinal);
        Assert.Contains(Markup, text, StringComparison.Ordinal);
        Assert.DoesNotContain("als CSV", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AnnualReportHost.Secret, text, StringComparison.Ordinal);
        // Its first page, for people to look at beside the pages' screenshots.
        Directory.CreateDirectory(AccessibilityTests.ScreenshotsPath);
        await Poppler("pdftoppm", "-png", "-r", "60", file, Path.Combine(AccessibilityTests.ScreenshotsPath, "jaarverslag-pdf"));
    }

    [Fact]
    public async Task Without_a_browser_or_with_one_that_fails_the_pdf_is_a_503_saying_so()
    {
        try
        {
            File.Delete(host.Browser);
            await AssertUnavailableAsync("There is no Chromium");
            File.CreateSymbolicLink(host.Browser, "/bin/false");
            await AssertUnavailableAsync("The browser made no PDF");
            Assert.Contains(host.App.Logs.Entries, e => e.Message.Contains("made no PDF", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(host.Browser);
            host.LinkBrowser();
        }
    }

    private async Task AssertUnavailableAsync(string detail)
    {
        var refused = await host.Editor.GetAsync(Pdf);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pdf-unavailable", problem.GetProperty("code").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>What one of poppler's tools printed; it must be there and succeed.</summary>
    private static async Task<string> Poppler(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/" + tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors}");
        return output;
    }
}
