using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;

namespace PocMaterials.Bench.Quality;

/// <summary>
/// Search quality on the judged query set over the sample content: nDCG@10 and recall@5 per kind of
/// query and overall, for the engine and for the any-word baseline built in the same run.
/// </summary>
internal static class QualityBenchmark
{
    /// <summary>A fixed day, so scheduled materials stay scheduled whenever the benchmark runs.</summary>
    internal static readonly DateOnly Today = new(2026, 11, 24);

    private sealed record Scored(
        JudgedQuery Query,
        double EngineNdcg,
        double BaselineNdcg,
        double EngineRecall,
        double BaselineRecall,
        IReadOnlyList<string> Engine);

    public static int Run(string repository, bool detail)
    {
        var path = Path.Combine(repository, "bench", "PocMaterials.Bench", "Quality", "judgments.tsv");
        var queries = Judgments.Load(path);
        using var library = new ContentLibrary(
            new ContentLocation(Path.Combine(repository, "content"), Path.Combine(repository, "themes")));
        var content = library.Reload().Snapshot;
        var indexPath = Path.Combine(Path.GetTempPath(), "pocmaterials-quality", Guid.NewGuid().ToString("N"));
        try
        {
            using var index = new MaterialIndex(indexPath);
            index.Rebuild(content);
            var engine = new MaterialSearcher(index, () => content);
            using var baseline = new AnyWordBaseline(content);
            var errors = JudgmentErrors(queries, content).ToList();
            errors.ForEach(e => Console.WriteLine($"judgment error: {e}"));

            var leaks = 0;
            var scored = new List<Scored>();
            foreach (var query in queries)
            {
                var viewer = new StaffMember("quality", [query.Role], null);
                var ranked = EngineRanking(engine, query.Query, viewer);
                leaks += ranked.Count(slug => !content.Materials[slug].IsVisibleTo(viewer, Today));
                var plain = baseline.Rank(query.Query, viewer, Today, depth: 10);
                scored.Add(new Scored(query,
                    RankingMetrics.Ndcg(ranked, query.Grades), RankingMetrics.Ndcg(plain, query.Grades),
                    RankingMetrics.Recall(ranked, query.Grades), RankingMetrics.Recall(plain, query.Grades), ranked));
            }

            Console.WriteLine($"search quality: {queries.Count} judged queries ({Path.GetRelativePath(repository, path)}), "
                + $"searched on {Today:yyyy-MM-dd}");
            Console.WriteLine($"{"kind",-11} {"queries",7}   {"nDCG@10 engine",14} {"baseline",8} {"ratio",6}   "
                + $"{"recall@5 engine",15} {"baseline",8} {"ratio",6}");
            foreach (var group in scored.GroupBy(s => s.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
                Console.WriteLine(Row(group.Key, group.ToList()));
            Console.WriteLine(Row("overall", scored));
            Console.WriteLine($"materials a role may not see, in the engine's results: {leaks}");
            if (detail)
            {
                foreach (var s in scored.Where(s => s.EngineNdcg < 0.999).OrderBy(s => s.EngineNdcg))
                    Console.WriteLine(
                        $"  {s.EngineNdcg:F2} (baseline {s.BaselineNdcg:F2}) {s.Query.Kind}/{s.Query.Role} \"{s.Query.Query}\": "
                        + string.Join(", ", s.Engine.Take(5).Select(slug => $"{slug}={s.Query.Grades.GetValueOrDefault(slug)}")));
            }
            return errors.Count == 0 && leaks == 0 ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(indexPath))
                Directory.Delete(indexPath, recursive: true);
        }
    }

    /// <summary>The engine's materials in rank order, each once (a FAQ question hit stands for its material).</summary>
    internal static List<string> EngineRanking(MaterialSearcher engine, string query, StaffMember viewer) =>
        engine.Search(new MaterialSearchRequest { Query = query, PageSize = 50 }, viewer, Today).Hits
            .Select(hit => hit.Slug).Distinct(StringComparer.Ordinal).Take(10).ToList();

    private static IEnumerable<string> JudgmentErrors(IReadOnlyList<JudgedQuery> queries, ContentSnapshot content)
    {
        foreach (var query in queries)
        {
            var viewer = new StaffMember("quality", [query.Role], null);
            foreach (var slug in query.Grades.Keys)
            {
                if (!content.Materials.TryGetValue(slug, out var material))
                    yield return $"\"{query.Query}\": no material {slug}";
                else if (!material.IsVisibleTo(viewer, Today))
                    yield return $"\"{query.Query}\": {slug} is not visible to {query.Role}";
            }
        }
    }

    private static string Row(string kind, List<Scored> scored)
    {
        static string Ratio(double engine, double baseline) => baseline == 0 ? "  -" : $"{engine / baseline,5:F2}x";
        double engineNdcg = scored.Average(s => s.EngineNdcg), baselineNdcg = scored.Average(s => s.BaselineNdcg);
        double engineRecall = scored.Average(s => s.EngineRecall), baselineRecall = scored.Average(s => s.BaselineRecall);
        return $"{kind,-11} {scored.Count,7}   {engineNdcg,14:F3} {baselineNdcg,8:F3} {Ratio(engineNdcg, baselineNdcg),6}   "
            + $"{engineRecall,15:F3} {baselineRecall,8:F3} {Ratio(engineRecall, baselineRecall),6}";
    }
}
