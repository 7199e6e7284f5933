using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Reach;
using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Bench;

/// <summary>
/// Reach benchmark: sustained ingestion through the real pipeline (recorder, bounded buffer, batch
/// writer, PostgreSQL), then report latency over a database of a million view events, the school-year report's included.
/// </summary>
internal static class ReachBenchmark
{
    private static readonly StaffCalendar Calendar = new(TimeProvider.System);

    public static async Task RunAsync(string repository, int pipelineEvents, int totalEvents)
    {
        Console.WriteLine();
        Console.WriteLine($"== reach: {pipelineEvents:N0} events through the pipeline, reports over {totalEvents:N0} view events");
        var root = Path.Combine(Path.GetTempPath(), "pocmaterials-bench", "reach-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var database = new Database(ProductSchema.All);
            await database.StartAsync(new PostgresOptions(), root, NullLogger.Instance, CancellationToken.None);
            using var library = new ContentLibrary(
                new ContentLocation(Path.Combine(repository, "content"), Path.Combine(repository, "themes")));
            var content = library.Reload().Snapshot;

            await IngestAsync(database, content, pipelineEvents);
            await FillAsync(database, content, totalEvents);
            await ReportLatencyAsync(database, content);
            await AnnualReportBenchmark.RunAsync(database, content, repository, Path.Combine(root, "host"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task IngestAsync(Database database, ContentSnapshot content, int count)
    {
        var options = Options.Create(new ReachOptions());
        var recorder = new ReachRecorder(options, NullLogger<ReachRecorder>.Instance, TimeProvider.System);
        var writer = new ReachEventWriter(
            recorder, new ReachEventStore(database, Calendar), options, NullLogger<ReachEventWriter>.Instance);
        var slugs = content.Materials.Keys.ToArray();
        var centres = content.Taxonomy.Centres.All.Select(c => c.Id).ToArray();
        var random = new Random(1);
        var viewers = Enumerable.Range(0, 2000)
            .Select(i => new Viewer($"viewer-{i:D4}", ["clb-medewerker"], centres[i % centres.Length]))
            .ToArray();
        var events = Enumerable.Range(0, count).Select(i => i % 5 == 0
            ? (ReachEvent)new SearchMade(Guid.NewGuid(), DateTimeOffset.UtcNow, viewers[random.Next(viewers.Length)],
                "zoekterm " + random.Next(500), new Dictionary<string, IReadOnlyList<string>>(), random.Next(20))
            : new MaterialViewed(Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(i), viewers[random.Next(viewers.Length)],
                slugs[random.Next(slugs.Length)], null, ViewSource.Direct, null, null))
            .ToArray();

        await writer.StartAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        // Requests record as fast as they come; when the buffer is half full they wait a moment (back-pressure).
        foreach (var reachEvent in events)
        {
            while (recorder.Pending > 50_000)
                await Task.Delay(1);
            recorder.Record(reachEvent);
        }
        while (writer.Written + recorder.Dropped < count)
            await Task.Delay(5);
        var seconds = watch.Elapsed.TotalSeconds;
        await writer.StopAsync(CancellationToken.None);

        await using var command = database.DataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM material_views) + (SELECT count(*) FROM searches)");
        var stored = (long)(await command.ExecuteScalarAsync())!;
        Console.WriteLine($"ingestion              {count / seconds:N0} events/s sustained ({count:N0} events in {seconds:F1} s); "
            + $"{recorder.Dropped} dropped, {stored:N0} stored");
    }

    /// <summary>
    /// Brings the database to the target size with views spread over the school year so far, written
    /// through the event store in large batches (the same SQL as the pipeline, without the wait).
    /// </summary>
    private static async Task FillAsync(Database database, ContentSnapshot content, int totalEvents)
    {
        var watch = Stopwatch.StartNew();
        var year = ReportPeriod.SchoolYearOf(DateOnly.FromDateTime(DateTime.UtcNow));
        await using (var count = database.DataSource.CreateCommand("SELECT count(*) FROM material_views"))
            totalEvents -= (int)(long)(await count.ExecuteScalarAsync())!;
        var store = new ReachEventStore(database, Calendar);
        var random = new Random(2);
        var slugs = content.Materials.Keys.ToArray();
        var centres = content.Taxonomy.Centres.All.Take(17).Select(c => c.Id).ToArray();
        var viewers = Enumerable.Range(0, 2000)
            .Select(i => new Viewer(
                $"viewer-{i:D4}", i % 10 == 0 ? ["arts", "clb-medewerker"] : ["clb-medewerker"], centres[i % centres.Length]))
            .ToArray();
        var span = DateTimeOffset.UtcNow - year.StartIn(Calendar);
        for (var written = 0; written < totalEvents;)
        {
            var batch = Enumerable.Range(0, Math.Min(10_000, totalEvents - written)).Select(i => (ReachEvent)new MaterialViewed(
                Guid.NewGuid(),
                year.StartIn(Calendar) + (span * random.NextDouble()),
                viewers[random.Next(viewers.Length)],
                slugs[random.Next(slugs.Length)],
                null,
                i % 3 == 0 ? ViewSource.Search : ViewSource.Direct,
                null,
                i % 3 == 0 ? 1 + random.Next(10) : null)).ToList();
            await store.WriteAsync(batch, CancellationToken.None);
            written += batch.Count;
        }
        await using (var analyze = database.DataSource.CreateCommand("VACUUM ANALYZE"))
            await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"filled with {totalEvents:N0} more views in {watch.Elapsed.TotalSeconds:F1} s "
            + $"({totalEvents / watch.Elapsed.TotalSeconds:N0} events/s in batches of 10,000)");
    }

    private static async Task ReportLatencyAsync(Database database, ContentSnapshot content)
    {
        var reports = new ReachReports(database, Calendar);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = ReportPeriod.SchoolYearOf(today);
        var runs = new (string Name, Func<Task> Run)[]
        {
            ("views by material/month", () => reports.MaterialViewsAsync(period, content, default)),
            ("reach per centre", () => reports.CentresAsync(period, content, default)),
            ("reach per role", () => reports.RolesAsync(period, content, default)),
            ("searches", () => reports.SearchesAsync(period, 20, default)),
            ("content health", () => reports.ContentHealthAsync(period, content, today, new Dictionary<string, int>(), default)),
        };
        foreach (var (name, run) in runs)
        {
            await run();
            var timings = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine($"  {name,-24} {Percentiles.Of(timings)}");
        }
    }
}
