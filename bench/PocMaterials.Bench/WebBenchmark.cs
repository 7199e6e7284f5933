using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PocMaterials.Testing;

namespace PocMaterials.Bench;

/// <summary>
/// The staff pages in Debian's Chromium over the sample content, as a signed-in clb-medewerker with the
/// pages' files in the browser cache (as on every visit after the first): the search page's first
/// contentful paint, a search from the Enter key to the rendered results, a material page from
/// navigation to its rendered body, and the bytes of JavaScript and CSS each page loads.
/// </summary>
internal static class WebBenchmark
{
    private const int Rounds = 40;

    /// <summary>Debian's Chromium: Playwright's own browsers are never downloaded.</summary>
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Queries =
    [
        "leersteun", "HGD intake", "beroepsgeheim echtscheiding", "vaccinatie", "begeleiding strategie", "radicalisering",
        "anderstalige nieuwkomers", "onderwijsloopbaan",
    ];

    private static readonly string[] Materials =
    [
        "faq-decreet-leersteun", "vademecum-m-decreet", "leidraad-intake-binnen-hgd", "beslisboom-verontrusting",
        "draaiboek-kinderen-met-een-vluchtverhaal",
    ];

    public static async Task RunAsync(Func<string, string, string, Task<WebApplication>> startHost)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"== web pages: Chromium ({Chromium}) over the sample content, {Rounds} rounds each, p95 targets 300 / 150 / 300 ms");
        using var folder = ContentFolder.WithSampleContent();
        await using var app = await startHost(folder.ContentPath, folder.ThemesPath, folder.DataPath);
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium });
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        // The first requests of a fresh host (JIT, first database connections) may take long on a busy machine.
        context.SetDefaultTimeout(120_000);
        await SignInAsync(await context.NewPageAsync());
        await MeasureTimesAsync(context);
        await MeasureBytesAsync(browser, baseUrl, await context.StorageStateAsync(), StaffPages);
        await WebEditorBenchmark.RunAsync(browser, baseUrl);
    }

    /// <summary>Signs in on the development page (as every staff member, plus a role when given) and closes the page.</summary>
    internal static async Task SignInAsync(IPage page, string? role = null)
    {
        await page.GotoAsync("/aanmelden");
        if (role is not null)
            await page.Locator($"#rol-{role}").CheckAsync();
        await page.Locator("#centre").SelectOptionAsync("gent");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync("**/zoeken");
        await page.CloseAsync();
    }

    private static async Task MeasureTimesAsync(IBrowserContext context)
    {
        var paint = new List<double>();
        var search = new List<double>();
        var material = new List<double>();
        // The first round warms the browser cache, the server's JIT and its caches; it is not counted.
        for (var round = -1; round < Rounds; round++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/zoeken");
            await page.Locator(".hits, .notice").First.WaitForAsync();
            // Waits for the paint entry: on a busy machine it may be recorded after the results are in the page.
            var fcp = await page.EvaluateAsync<double>("""
                new Promise(resolve => new PerformanceObserver((list, observer) => {
                  const paint = list.getEntriesByName('first-contentful-paint')[0];
                  if (paint) { observer.disconnect(); resolve(paint.startTime); }
                }).observe({ type: 'paint', buffered: true }))
                """);

            await page.Locator("#q").FillAsync(Queries[(round + Queries.Length) % Queries.Length] + (round % 2 == 0 ? "" : " "));
            await page.EvaluateAsync("""
                () => { window.searched = new Promise(resolve => {
                  let start = 0;
                  document.getElementById('q').addEventListener('keydown', e => { if (e.key === 'Enter') start = performance.now(); },
                    { capture: true, once: true });
                  new MutationObserver((changes, observer) => {
                    if (!start || !document.querySelector('.hits')) return;
                    observer.disconnect();
                    requestAnimationFrame(() => resolve(performance.now() - start));
                  }).observe(document.querySelector('section[aria-labelledby=resultaten-titel]'), { childList: true });
                }); }
                """);
            await page.Keyboard.PressAsync("Enter");
            var searched = await page.EvaluateAsync<double>("window.searched");

            await page.GotoAsync("/materialen/" + Materials[(round + Materials.Length) % Materials.Length]);
            await page.Locator(".body").WaitForAsync();
            var loaded = await page.EvaluateAsync<double>("new Promise(r => requestAnimationFrame(() => r(performance.now())))");
            await page.CloseAsync();
            if (round < 0)
                continue;
            paint.Add(fcp);
            search.Add(searched);
            material.Add(loaded);
        }
        Console.WriteLine($"search page first contentful paint     {Percentiles.Of(paint)}");
        Console.WriteLine($"search, Enter to rendered results      {Percentiles.Of(search)}");
        Console.WriteLine($"material page, navigation to its body  {Percentiles.Of(material)}");
    }

    /// <summary>The staff pages, each with what shows it is ready.</summary>
    private static readonly (string Name, string Path, string Ready)[] StaffPages =
    [
        ("search", "/zoeken?q=leersteun", ".hits"), ("material", "/materialen/faq-decreet-leersteun", ".body"),
        ("themes", "/themas", ".grid"), ("theme", "/themas/decreet-leersteun", ".body"),
        ("newsletter archive", "/nieuwsbrieven", "main p"),
    ];

    /// <summary>
    /// Each page in a context of its own with the session and nothing cached, so every file is fetched and counted: the
    /// page's module, every module it imports (preloaded beside it), the layout's own and the CSS.
    /// </summary>
    internal static async Task MeasureBytesAsync(
        IBrowser browser, string baseUrl, string session, (string Name, string Path, string Ready)[] pages)
    {
        Console.WriteLine();
        Console.WriteLine("page                          JS bytes  CSS bytes  (as loaded, uncompressed)");
        foreach (var (name, path, ready) in pages)
        {
            var fresh = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, StorageState = session });
            var page = await fresh.NewPageAsync();
            await page.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            var bytes = await page.EvaluateAsync<long[]>("""
                () => { const sum = ext => performance.getEntriesByType('resource')
                          .filter(e => new URL(e.name).pathname.endsWith(ext))
                          .reduce((n, e) => n + e.decodedBodySize, 0);
                        return [sum('.js'), sum('.css')]; }
                """);
            Console.WriteLine($"{name,-28} {bytes[0],9:N0} {bytes[1],10:N0}");
            await fresh.CloseAsync();
        }
    }
}
