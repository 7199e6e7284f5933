using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Bench;
using PocMaterials.Bench.Quality;
using PocMaterials.Bench.SideBySide;
using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Identity;

// ./poc bench [search|reach|newsletter|quality|learning|web|all] [sizes]
//   [--http-seconds N] [--events N] [--subscribers N] [--workers N] [--detail]
var part = args.FirstOrDefault(a => a is "search" or "reach" or "newsletter" or "quality" or "learning" or "web" or "all") ?? "all";
var sizes = (args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && char.IsDigit(a[0])) ?? "1000,10000,100000")
    .Split(',').Select(int.Parse).ToArray();
var httpSeconds = args.SkipWhile(a => a != "--http-seconds").Skip(1).Select(int.Parse).FirstOrDefault(10);
var totalEvents = args.SkipWhile(a => a != "--events").Skip(1).Select(int.Parse).FirstOrDefault(1_000_000);
var subscribers = args.SkipWhile(a => a != "--subscribers").Skip(1).Select(int.Parse).FirstOrDefault(20_000);
var smtpWorkers = args.SkipWhile(a => a != "--workers").Skip(1).Select(int.Parse)
    .FirstOrDefault(new PocMaterials.Newsletter.Sending.SmtpOptions().Workers);
var repository = BenchHost.FindRepository();
Console.WriteLine($"PocMaterials benchmarks on {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var status = 0;
if (part is "quality" or "all")
    status = QualityBenchmark.Run(repository, detail: args.Contains("--detail"));
if (part is "quality")
    return status;
if (part is "learning" or "all")
    status = Math.Max(status, await PocMaterials.Bench.Learning.LearningBenchmark.RunAsync(repository));
if (part is "learning")
    return status;

if (part is "reach" or "all")
    await ReachBenchmark.RunAsync(repository, pipelineEvents: 200_000, totalEvents);
if (part is "newsletter" or "all")
    await NewsletterBenchmark.RunAsync(repository, subscribers, smtpWorkers);
if (part is "web" or "all")
    await WebBenchmark.RunAsync(BenchHost.StartHost);

foreach (var size in part is "reach" or "newsletter" or "web" ? [] : sizes)
{
    Console.WriteLine();
    Console.WriteLine($"== {size:N0} synthetic materials");
    var root = Path.Combine(Path.GetTempPath(), "pocmaterials-bench", Guid.NewGuid().ToString("N"));
    try
    {
        await RunSize(size, root);
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}
return status;

async Task RunSize(int size, string root)
{
    var content = Path.Combine(root, "content");
    var themes = Path.Combine(root, "themes");
    Directory.CreateDirectory(content);
    File.Copy(Path.Combine(repository, "content", "taxonomy.yml"), Path.Combine(content, "taxonomy.yml"));
    File.Copy(Path.Combine(repository, "content", "contacts.yml"), Path.Combine(content, "contacts.yml"));
    Directory.CreateDirectory(themes);
    foreach (var theme in Directory.GetFiles(Path.Combine(repository, "themes"), "*.md"))
        File.Copy(theme, Path.Combine(themes, Path.GetFileName(theme)));
    var watch = Stopwatch.StartNew();
    SyntheticMaterials.Write(Path.Combine(content, "materials"), size);
    Console.WriteLine($"generated files        {watch.Elapsed.TotalSeconds:F1} s");

    watch.Restart();
    await using var app = await BenchHost.StartHost(content, themes, Path.Combine(root, "data"));
    Console.WriteLine($"host start (load+index) {watch.Elapsed.TotalSeconds:F1} s");
    var library = app.Services.GetRequiredService<ContentLibrary>();
    var index = app.Services.GetRequiredService<MaterialIndex>();
    var searcher = app.Services.GetRequiredService<MaterialSearcher>();

    watch.Restart();
    var reloaded = new ContentLibrary(library.Location).Reload().Snapshot;
    var loadSeconds = watch.Elapsed.TotalSeconds;
    watch.Restart();
    index.Rebuild(reloaded);
    var buildSeconds = watch.Elapsed.TotalSeconds;
    Console.WriteLine($"content load           {loadSeconds:F2} s ({size / loadSeconds:N0} files/s, {reloaded.Errors.Count} errors)");
    Console.WriteLine($"index build            {buildSeconds:F2} s ({size / buildSeconds:N0} materials/s, "
        + $"{index.DocumentCount():N0} documents with FAQ questions)");
    Console.WriteLine($"index size             {index.SizeInBytes() / 1024.0 / 1024.0:F1} MiB");

    var today = DateOnly.FromDateTime(DateTime.UtcNow);
    var requests = QueryMix.Requests.SelectMany(r => QueryMix.Viewers.Select(v => (r.Name, r.Request, Viewer: v))).ToArray();
    foreach (var (_, request, viewer) in requests.Take(200))
        searcher.Search(request, viewer, today);
    var latencies = new List<double>();
    var byKind = new Dictionary<string, List<double>>();
    for (var i = 0; i < 3000; i++)
    {
        var (name, request, viewer) = requests[i % requests.Length];
        var started = Stopwatch.GetTimestamp();
        searcher.Search(request, viewer, today);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        latencies.Add(ms);
        (byKind.TryGetValue(name, out var list) ? list : byKind[name] = []).Add(ms);
    }
    Console.WriteLine($"search in process      {Percentiles.Of(latencies)}, mean {latencies.Average():F2} ms");
    foreach (var (name, list) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
        Console.WriteLine($"  {name,-9}            {Percentiles.Of(list)}");
    if (args.Contains("--detail"))
        MeasureEachQuery(searcher, today);

    var postgres = new PostgresSearch(app.Services.GetRequiredService<Database>().DataSource);
    await new SideBySide(index, searcher, postgres, reloaded)
        .RunAsync(requests, pairs: size <= 10_000 ? 4 : 2, rounds: size <= 10_000 ? 5 : 2, throughputSeconds: 3);

    MeasureSuggest(searcher, today);
    await MeasureHttp(app, requests);
    MeasureLiveReindex(library, searcher, today);
}

// Each query of the mix on its own, for each viewer: where the time goes, and how many materials each finds.
void MeasureEachQuery(MaterialSearcher searcher, DateOnly today)
{
    foreach (var (name, request) in QueryMix.Requests)
    {
        var latencies = new List<double>();
        var found = new List<string>();
        foreach (var viewer in QueryMix.Viewers)
        {
            MaterialSearchResult? result = null;
            for (var i = 0; i < 50; i++)
            {
                var started = Stopwatch.GetTimestamp();
                result = searcher.Search(request, viewer, today);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            found.Add($"{result!.TotalAllWords}/{result.Total}");
        }
        var mean = latencies.Average();
        Console.WriteLine($"  {name,-8} {QueryMix.QueryString(request),-60} mean {mean,5:F2} ms, {Percentiles.Of(latencies)}; "
            + $"all words/total per viewer {string.Join(" ", found)}");
    }
}

// Search-as-you-type: every prefix (2 letters and up) of the mix's queries, for each viewer.
void MeasureSuggest(MaterialSearcher searcher, DateOnly today)
{
    var typed = QueryMix.Requests.Select(r => r.Request.Query ?? "").Where(q => q.Length >= 2)
        .SelectMany(q => Enumerable.Range(2, q.Length - 1).Select(n => q[..n]))
        .SelectMany(prefix => QueryMix.Viewers.Select(viewer => (prefix, viewer)))
        .ToArray();
    searcher.Complete("le", QueryMix.Viewers[0], today); // builds the completions once per content version
    var latencies = new List<double>();
    for (var i = 0; i < 3000; i++)
    {
        var (prefix, viewer) = typed[i % typed.Length];
        var started = Stopwatch.GetTimestamp();
        searcher.Complete(prefix, viewer, today);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    Console.WriteLine($"suggest in process     {Percentiles.Of(latencies)}");
}

async Task MeasureHttp(
    WebApplication app, (string Name, MaterialSearchRequest Request, PocMaterials.Content.Visibility.StaffMember Viewer)[] requests)
{
    var address = app.Urls.First();
    var tokens = app.Services.GetRequiredService<DevelopmentTokens>();
    var prepared = requests.Select(r => (
        Url: $"{address}/api/search?{QueryMix.QueryString(r.Request)}",
        Token: tokens.Issue(r.Viewer.Subject, r.Viewer.Roles, r.Viewer.Centre))).ToArray();
    if (WrkLoad.Available)
    {
        var paths = prepared.Select(p => (new Uri(p.Url).PathAndQuery, p.Token)).ToList();
        Console.WriteLine($"search over HTTP       {WrkLoad.Run(address, paths, httpSeconds, connections: 32)}");
        return;
    }
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
    var latencies = new List<double>();
    var failures = 0;
    var deadline = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, 16).Select(async worker =>
    {
        var local = new List<double>();
        for (var i = worker; deadline.Elapsed.TotalSeconds < httpSeconds; i++)
        {
            var (url, token) = prepared[i % prepared.Length];
            using var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(message);
            await response.Content.ReadAsByteArrayAsync();
            local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
                Interlocked.Increment(ref failures);
        }
        lock (latencies)
            latencies.AddRange(local);
    }).ToArray();
    await Task.WhenAll(workers);
    var seconds = deadline.Elapsed.TotalSeconds;
    Console.WriteLine($"search over HTTP       {latencies.Count / seconds:N0} requests/s with 16 concurrent in-process clients on loopback "
        + $"(install wrk for a separate load generator), {failures} failures");
    Console.WriteLine($"                       {Percentiles.Of(latencies)}");
}

void MeasureLiveReindex(ContentLibrary library, MaterialSearcher searcher, DateOnly today)
{
    var file = Directory.EnumerateFiles(library.Location.MaterialsPath, "*.md", SearchOption.AllDirectories).First();
    var marker = "benchmarkmarker" + Guid.NewGuid().ToString("N")[..8];
    var editor = new PocMaterials.Content.Visibility.StaffMember("bench", ["redacteur"], null);
    var started = Stopwatch.StartNew();
    File.AppendAllText(file, $"\n{marker}\n");
    while (searcher.Search(new MaterialSearchRequest { Query = marker }, editor, today).Total == 0)
    {
        if (started.Elapsed > TimeSpan.FromSeconds(60))
        {
            Console.WriteLine("live reindex           not visible after 60 s");
            return;
        }
        Thread.Sleep(5);
    }
    Console.WriteLine($"live reindex           {started.Elapsed.TotalMilliseconds:F0} ms from file write to search hit");
}
