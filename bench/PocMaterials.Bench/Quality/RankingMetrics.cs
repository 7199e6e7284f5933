namespace PocMaterials.Bench.Quality;

/// <summary>Graded ranking measures over a ranked list of material slugs.</summary>
internal static class RankingMetrics
{
    /// <summary>nDCG@k with gain 2^grade - 1 and a log2 position discount; 1 is the ideal order.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k = 10)
    {
        static double Dcg(IEnumerable<int> gains) =>
            gains.Select((grade, i) => (Math.Pow(2, grade) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = Dcg(grades.Values.OrderByDescending(g => g).Take(k));
        return ideal == 0 ? 0 : Dcg(ranked.Take(k).Select(slug => grades.GetValueOrDefault(slug))) / ideal;
    }

    /// <summary>
    /// Of the relevant materials (grade 1 and up), the share in the top <paramref name="k"/>; a query with
    /// more than k relevant materials counts k found as complete.
    /// </summary>
    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> grades, int k = 5)
    {
        var relevant = grades.Count(g => g.Value > 0);
        return relevant == 0 ? 0 : (double)ranked.Take(k).Count(slug => grades.GetValueOrDefault(slug) > 0) / Math.Min(k, relevant);
    }
}
