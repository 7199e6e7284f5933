namespace PocMaterials.Content.Parsing;

/// <summary>
/// The largest front matter values, in characters: every staff member downloads them with each result, page
/// and suggestion, and a longer one is a mistake (a pasted text), not a title. The sample content stays well
/// within them (longest title 92, summary 204, 5 tags of at most 27, 7 aliases of at most 41).
/// </summary>
public static class FieldLimits
{
    public const int Title = 200;
    public const int Summary = 500;
    public const int Tags = 30;
    public const int Tag = 50;
    public const int Aliases = 50;

    /// <summary>As long as a search query that the search report turns into an alias may be.</summary>
    public const int Alias = 100;

    /// <summary>The most staff a centre may have (<c>staff:</c> of a centre); about 2,000 work in all 19 GO! CLB.</summary>
    public const int Staff = 100_000;
}
