using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Reports;

namespace PocMaterials.Bench;

/// <summary>
/// The school-year report over the reach benchmark's database (a million views) and 10,000 helpdesk questions: the
/// product's host on that database, its JSON and its PDF asked for over HTTP by an editor, as the page and a download ask
/// (targets: 1 s and 5 s), and the editors' list of helpdesk questions.
/// </summary>
internal static class AnnualReportBenchmark
{
    /// <summary>What else the report's figures are written with before they are timed, each a feature's rows in the database.</summary>
    private static readonly Func<Database, ContentSnapshot, Task>[] Seeds = [HelpdeskBenchmark.SeedAsync];

    public static async Task RunAsync(Database database, ContentSnapshot content, string repository, string data)
    {
        foreach (var seed in Seeds)
            await seed(database, content);
        await using var app = await BenchHost.StartHost(Path.Combine(repository, "content"), Path.Combine(repository, "themes"), data,
            new Dictionary<string, string?> { ["Postgres:ConnectionString"] = database.ConnectionString });
        var token = app.Services.GetRequiredService<DevelopmentTokens>().Issue("bench-editor", ["redacteur"], null);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var year = SchoolYear.Name(ReportPeriod.SchoolYearOf(DateOnly.FromDateTime(DateTime.UtcNow)));
        var printer = app.Services.GetRequiredService<ChromiumPrinter>();

        Console.WriteLine($"school-year report {year} over HTTP (an editor; reports above over the same rows):");
        await TimeAsync(client, $"/api/reports/annual?schoolYear={year}", "JSON", runs: 10);
        if (printer.Browser is null)
            Console.WriteLine("  PDF                      not measured: no Chromium (Reports:ChromiumPath)");
        else
            await TimeAsync(client, $"/api/reports/annual.pdf?schoolYear={year}", "PDF", runs: 5);
        await HelpdeskBenchmark.TimeListAsync(client, content);
    }

    public static async Task TimeAsync(HttpClient client, string path, string name, int runs)
    {
        long bytes = 0;
        var timings = new List<double>();
        double first = 0;
        for (var i = 0; i <= runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
            // The first answer warms the host (its first queries, the first browser): said apart, not counted.
            if (i > 0)
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            else
                first = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Console.WriteLine($"  {name,-24} {Percentiles.Of(timings)}, first {first:F0} ms, {bytes:N0} bytes");
    }
}
