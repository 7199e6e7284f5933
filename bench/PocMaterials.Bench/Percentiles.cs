namespace PocMaterials.Bench;

internal static class Percentiles
{
    /// <summary>p50, p95 and p99 of durations in milliseconds.</summary>
    public static string Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double p) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(p * milliseconds.Count) - 1)];
        return $"p50 {At(0.50):F2} ms, p95 {At(0.95):F2} ms, p99 {At(0.99):F2} ms (n={milliseconds.Count})";
    }
}
