using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace PocMaterials.Bench;

/// <summary>
/// The editor's figures beside the staff pages': the material form's live check round trip (the POST .../check the page
/// sends at each pause in typing, timed by the browser), the time from "Publiceer nu" (the PUT with publication
/// publish) until a staff member's search on the same host finds the material, and the JavaScript and CSS each editor
/// page loads.
/// </summary>
internal static class WebEditorBenchmark
{
    private const int CheckRounds = 40;
    private const int PublishRuns = 20;
    private const string Edited = "faq-decreet-leersteun";

    /// <summary>The editor pages (WebAppEndpoints.Pages), each with what shows it is ready.</summary>
    private static readonly (string Name, string Path, string Ready)[] Pages =
    [
        ("editor dashboard", "/redactie", "main h2"),
        ("material form (edit)", "/redactie/materialen/" + Edited, "#tekst"),
        ("material form (new)", "/redactie/nieuw-materiaal", "#tekst"),
        ("newsletter issues", "/redactie/nieuwsbrieven", "main h2"),
    ];

    public static async Task RunAsync(IBrowser browser, string baseUrl)
    {
        Console.WriteLine();
        Console.WriteLine("== editor: the material form's live check, publish to found, editor pages' bytes");
        var context = await browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        await WebBenchmark.SignInAsync(await context.NewPageAsync(), "redacteur");
        await MeasureCheckAsync(await context.NewPageAsync());
        await MeasurePublishAsync(baseUrl);
        await WebBenchmark.MeasureBytesAsync(browser, baseUrl, await context.StorageStateAsync(), Pages);
        await context.CloseAsync();
    }

    /// <summary>Each round types a new title into the form and times the check the page sends for it, as Chromium saw it.</summary>
    private static async Task MeasureCheckAsync(IPage page)
    {
        await page.GotoAsync("/redactie/materialen/" + Edited);
        var title = page.GetByLabel("Titel", new() { Exact = true });
        // Filled once the material is loaded (the default timeout: a fresh host may be slow).
        await page.WaitForFunctionAsync("() => document.getElementById('titel')?.value");
        var original = await title.InputValueAsync();
        var times = new List<double>();
        // The first round warms the server's JIT and caches; it is not counted.
        for (var round = -1; round < CheckRounds; round++)
        {
            var response = await page.RunAndWaitForResponseAsync(
                () => title.FillAsync($"{original} ({round + 2})"), r => r.Url.EndsWith("/check", StringComparison.Ordinal));
            await response.FinishedAsync();
            if (round >= 0)
                times.Add(response.Request.Timing.ResponseEnd);
        }
        Console.WriteLine($"form's live check, round trip          {Percentiles.Of(times)}");
        await page.CloseAsync();
    }

    /// <summary>
    /// Drafts made through the API, each published as the form does it (its fields and body from GET .../fields, with
    /// If-Match), then searched for by a clb-medewerker every few milliseconds until the first hit is the material.
    /// </summary>
    private static async Task MeasurePublishAsync(string baseUrl)
    {
        using var editor = await ClientAsync(baseUrl, "redacteur");
        using var staff = await ClientAsync(baseUrl, "clb-medewerker");
        var times = new List<double>();
        for (var run = -1; run < PublishRuns; run++)
        {
            // A word of letters only, found in no other material, so the first hit can only be this one.
            var word = "publicatieproef" + (char)('a' + run + 1) + (char)('a' + (run + 1) * 3 % 26);
            var slug = "benchmark-" + word;
            var draft = new JsonObject
            {
                ["fields"] = new JsonObject { ["title"] = $"Benchmark {word}", ["type"] = "faq" },
                ["body"] = $"Een materiaal om het publiceren te meten: {word}.\n",
                ["publication"] = new JsonObject { ["action"] = "draft" },
            };
            (await editor.PutAsJsonAsync($"/api/materials/{slug}", draft)).EnsureSuccessStatusCode();
            var fields = await editor.GetAsync($"/api/materials/{slug}/fields");
            fields.EnsureSuccessStatusCode();
            var form = (await fields.Content.ReadFromJsonAsync<JsonObject>())!;
            using var publish = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
            {
                Content = JsonContent.Create(new JsonObject
                {
                    ["fields"] = form["fields"]!.DeepClone(),
                    ["body"] = form["body"]!.DeepClone(),
                    ["publication"] = new JsonObject { ["action"] = "publish" },
                }),
            };
            publish.Headers.IfMatch.Add(fields.Headers.ETag!);

            var clock = Stopwatch.StartNew();
            (await editor.SendAsync(publish)).EnsureSuccessStatusCode();
            while (!await FoundAsync(staff, word, slug))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(1))
                    throw new TimeoutException($"{slug} was not found a minute after it was published.");
                await Task.Delay(5);
            }
            if (run >= 0)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"'Publiceer nu' until found by search   {Percentiles.Of(times)}");
    }

    private static async Task<bool> FoundAsync(HttpClient staff, string word, string slug)
    {
        var answer = await staff.GetFromJsonAsync<JsonElement>("/api/search?q=" + word);
        var hits = answer.GetProperty("hits");
        return hits.GetArrayLength() > 0 && hits[0].GetProperty("slug").GetString() == slug;
    }

    /// <summary>A client with a development token of one role.</summary>
    private static async Task<HttpClient> ClientAsync(string baseUrl, string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var response = await client.PostAsJsonAsync("/api/dev/token", new { roles = new[] { role }, centre = "gent" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
