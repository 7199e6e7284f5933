using System.Diagnostics;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;

namespace PocMaterials.Bench.SideBySide;

/// <summary>
/// The engine beside PostgreSQL full-text search on the same synthetic materials: index build, latency of the query mix
/// (one query after another) and throughput of 32 concurrent in-process clients, PostgreSQL by every word and by any
/// word. Engine and PostgreSQL run alternately in pairs, so both see the same load; medians of the pairs are printed,
/// with ratios of PostgreSQL's figure to the engine's (> 1: the engine faster).
/// </summary>
internal sealed class SideBySide(MaterialIndex index, MaterialSearcher searcher, PostgresSearch postgres, ContentSnapshot content)
{
    private const int Clients = 32;

    public async Task RunAsync(IReadOnlyList<(string Name, MaterialSearchRequest Request, StaffMember Viewer)> mix, int pairs,
        int rounds, double throughputSeconds)
    {
        // Browsing has no words for PostgreSQL to rank: the rest of the mix, for both.
        var queries = mix.Where(q => !string.IsNullOrWhiteSpace(q.Request.Query)).ToArray();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine($"side by side with PostgreSQL: {pairs} pairs, {queries.Length} queries x {rounds} rounds a pass, "
            + $"throughput {throughputSeconds:F0} s with {Clients} clients (load average {LoadAverage()})");
        var figures = new List<PairFigures>();
        for (var pair = 1; pair <= pairs; pair++)
        {
            var engineBuild = Timed(() => index.Rebuild(content));
            var postgresBuild = await TimedAsync(() => postgres.BuildAsync(content));
            await postgres.AnalyzeAsync();
            Pass engine = new([]), every = new([]), any = new([]);
            for (var round = 0; round < rounds; round++)
            {
                // Interleaved query by query, so a burst of load falls on all three alike.
                foreach (var (_, request, viewer) in queries)
                {
                    engine.Add(Timed(() => searcher.Search(request, viewer, today)) * 1000);
                    every.Add(await TimedAsync(() => postgres.SearchAsync(request, viewer, today, everyWord: true)) * 1000);
                    any.Add(await TimedAsync(() => postgres.SearchAsync(request, viewer, today, everyWord: false)) * 1000);
                }
            }
            var engineRate = await Throughput(throughputSeconds, i =>
            {
                var (_, request, viewer) = queries[i % queries.Length];
                searcher.Search(request, viewer, today);
                return Task.CompletedTask;
            });
            var everyRate = await Throughput(throughputSeconds, i =>
                postgres.SearchAsync(queries[i % queries.Length].Request, queries[i % queries.Length].Viewer, today, true));
            var anyRate = await Throughput(throughputSeconds, i =>
                postgres.SearchAsync(queries[i % queries.Length].Request, queries[i % queries.Length].Viewer, today, false));
            var figure = new PairFigures(engineBuild, postgresBuild, engine, every, any, engineRate, everyRate, anyRate);
            figures.Add(figure);
            Console.WriteLine($"  pair {pair}: {figure} (load average {LoadAverage()})");
        }
        Print(figures);
    }

    private static void Print(List<PairFigures> figures)
    {
        double Median(Func<PairFigures, double> of)
        {
            var sorted = figures.Select(of).Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
        string Row(string what, Func<PairFigures, double> engine, Func<PairFigures, double> every, Func<PairFigures, double> any,
            bool higherIsFaster, string unit)
        {
            double Ratio(double pg, double e) => higherIsFaster ? e / pg : pg / e;
            var (e, ev, an) = (Median(engine), Median(every), Median(any));
            return $"  {what,-24} engine {e,9:F2}{unit}  every word {ev,9:F2}{unit} ({Ratio(ev, e),5:F2}x)  "
                + $"any word {an,9:F2}{unit} ({Ratio(an, e),5:F2}x)";
        }
        Console.WriteLine($"  medians of {figures.Count} pairs (ratio > 1: the engine faster)");
        Console.WriteLine(Row("per query p50", f => f.Engine.P50, f => f.Every.P50, f => f.Any.P50, false, " ms"));
        Console.WriteLine(Row("per query p99", f => f.Engine.P99, f => f.Every.P99, f => f.Any.P99, false, " ms"));
        Console.WriteLine(Row("throughput, 32 clients", f => f.EngineRate, f => f.EveryRate, f => f.AnyRate, true, "/s"));
        var (build, pgBuild) = (Median(f => f.EngineBuild), Median(f => f.PostgresBuild));
        Console.WriteLine($"  {"index build",-24} engine {build,9:F2} s   PostgreSQL (COPY, tsvector, GIN) {pgBuild:F2} s "
            + $"({pgBuild / build:F2}x)");
    }

    /// <summary>Queries per second of <see cref="Clients"/> clients, each calling one query after another.</summary>
    private static async Task<double> Throughput(double seconds, Func<int, Task> query)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Factory.StartNew(async () =>
        {
            for (var i = client; clock.Elapsed.TotalSeconds < seconds; i += Clients)
            {
                await query(i);
                Interlocked.Increment(ref done);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap());
        await Task.WhenAll(clients);
        return done / clock.Elapsed.TotalSeconds;
    }

    private static double Timed(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static async Task<double> TimedAsync(Func<Task> action)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>One pass's latencies in milliseconds.</summary>
    private sealed record Pass(List<double> Milliseconds)
    {
        public void Add(double ms) => Milliseconds.Add(ms);

        public double P50 => Percentiles.At([.. Milliseconds.Order()], 0.50);

        public double P99 => Percentiles.At([.. Milliseconds.Order()], 0.99);
    }

    private sealed record PairFigures(double EngineBuild, double PostgresBuild, Pass Engine, Pass Every, Pass Any,
        double EngineRate, double EveryRate, double AnyRate)
    {
        public override string ToString() =>
            $"build {EngineBuild:F2} s / {PostgresBuild:F2} s; p50 {Engine.P50:F2} / {Every.P50:F2} / {Any.P50:F2} ms; "
            + $"p99 {Engine.P99:F2} / {Every.P99:F2} / {Any.P99:F2} ms; {EngineRate:F0} / {EveryRate:F0} / {AnyRate:F0} queries/s "
            + "(engine / every word / any word)";
    }
}
