namespace PocMaterials.Reach.Reports;

public sealed record MonthFigures(DateOnly Month, int Views, int UniqueViewers);

public sealed record MaterialReach(string Slug, string Title, int Views, int UniqueViewers, IReadOnlyList<MonthFigures> Months);

/// <summary>Views and unique viewers per material, with a row per month.</summary>
public sealed record MaterialViewsReport(DateOnly From, DateOnly To, IReadOnlyList<MaterialReach> Materials);

public sealed record GroupReach(string Id, string Label, int Views, int UniqueViewers);

/// <summary>Reach per centre or per role: every configured one, and those not reached at all.</summary>
public sealed record ReachReport(DateOnly From, DateOnly To, IReadOnlyList<GroupReach> Groups, IReadOnlyList<GroupReach> NotReached);

public sealed record QueryCount(string Query, int Searches, double AverageResults);

public sealed record PositionClicks(int Position, int Views);

/// <summary>What staff searched for, what they did not find and what they did not open.</summary>
public sealed record SearchReport(
    DateOnly From,
    DateOnly To,
    int Searches,
    int SearchesFollowedByAView,
    double ClickThroughRate,
    IReadOnlyList<QueryCount> TopQueries,
    IReadOnlyList<QueryCount> ZeroResultQueries,
    IReadOnlyList<QueryCount> UnopenedQueries,
    IReadOnlyList<PositionClicks> ClicksByPosition);

/// <param name="DueForReview">Its review date has passed.</param>
/// <param name="OutdatedVotes">Staff's "Was dit nuttig?" no votes with the reason "verouderd" in the period.</param>
public sealed record MaterialHealth(
    string Slug, string Title, int Views, DateOnly? ReviewBy, DateOnly? Updated, bool DueForReview, int OutdatedVotes);

/// <summary>
/// Materials nobody viewed in the period; materials past review ordered by views (stale and in demand first); and the
/// review queue: those past review and those staff voted outdated, the most such votes first, then past review, then views.
/// </summary>
public sealed record ContentHealthReport(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<MaterialHealth> NeverViewed,
    IReadOnlyList<MaterialHealth> PastReview,
    IReadOnlyList<MaterialHealth> ReviewQueue);
