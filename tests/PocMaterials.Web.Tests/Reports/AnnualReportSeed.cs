namespace PocMaterials.Web.Tests.Reports;

/// <summary>A day's reach row as written to daily_reach: its views and the viewers (1, 2, 3) among them.</summary>
public sealed record SeededReach(DateOnly Day, string Dimension, string Key, int Views, int[] Viewers);

/// <summary>A search at an instant, its normalised query and number of results.</summary>
public sealed record SeededSearch(DateTimeOffset At, string Query, int Results);

/// <summary>A "was dit nuttig?" vote on a material; the comment holds a name that the report must never show.</summary>
public sealed record SeededVote(DateTimeOffset At, string Slug, bool Helpful);

/// <summary>
/// Two school years of rows (2030-2031 and 2031-2032) and a day after them, with the year boundaries on both sides: the
/// test writes them to the database and computes every expected figure from them.
/// </summary>
public static class AnnualReportSeed
{
    public static readonly SeededReach[] ReachRows =
    [
        .. Day(new(2030, 10, 2), 1, [1], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2031, 8, 31), 4, [1, 2], "fiche-b", "gent", "clb-medewerker"),
        .. Day(new(2031, 9, 1), 3, [1, 2], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2031, 11, 1), 1, [3], "fiche-b", "brussel", "arts"),
        .. Day(new(2032, 3, 5), 2, [2, 3], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2032, 9, 1), 7, [1], "fiche-a", "gent", "clb-medewerker"),
    ];

    public static readonly SeededSearch[] Searches =
    [
        new(At(2030, 10, 3, 10), "beroepsgeheim", 3),
        new(At(2031, 1, 3, 10), "leersteun", 2),
        // 22:00 in Brussels on 31 August: the previous school year; 01:30 on 1 September: this one.
        new(new DateTimeOffset(2031, 8, 31, 20, 0, 0, TimeSpan.Zero), "xyz", 0),
        new(new DateTimeOffset(2031, 8, 31, 23, 30, 0, TimeSpan.Zero), "xyz", 0),
        new(At(2031, 10, 3, 10), "leersteun", 2),
        new(At(2031, 10, 4, 10), "leersteun", 2),
        new(At(2032, 2, 4, 10), "leersteun", 2),
        new(At(2032, 2, 5, 10), "xyz", 0),
        new(At(2032, 9, 2, 10), "leersteun", 2),
    ];

    public static readonly SeededVote[] Votes =
    [
        new(At(2031, 3, 1, 9), "fiche-a", true),
        new(At(2031, 10, 1, 9), "fiche-a", true),
        new(At(2031, 10, 2, 9), "fiche-a", true),
        new(At(2031, 12, 1, 9), "fiche-a", false),
        new(At(2032, 1, 1, 9), "fiche-b", false),
    ];

    /// <summary>The materials' themes, as the test writes them.</summary>
    public static readonly Dictionary<string, string> ThemeOf = new()
    {
        ["fiche-a"] = "decreet-leersteun",
        ["fiche-b"] = "beroepsgeheim-en-drm",
    };

    public static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private static IEnumerable<SeededReach> Day(DateOnly day, int views, int[] viewers, string slug, string centre, string role) =>
    [
        new(day, "material", slug, views, viewers),
        new(day, "centre", centre, views, viewers),
        new(day, "role", role, views, viewers),
    ];
}
