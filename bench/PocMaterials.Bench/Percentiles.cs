namespace PocMaterials.Bench;

internal static class Percentiles
{
    /// <summary>p50, p95 and p99 of durations in milliseconds.</summary>
    public static string Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        return $"p50 {At(milliseconds, 0.50):F2} ms, p95 {At(milliseconds, 0.95):F2} ms, p99 {At(milliseconds, 0.99):F2} ms "
            + $"(n={milliseconds.Count})";
    }

    /// <summary>The <paramref name="p"/> quantile (nearest rank) of values sorted ascending.</summary>
    public static double At(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
