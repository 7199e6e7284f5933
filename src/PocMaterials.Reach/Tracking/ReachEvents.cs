using PocMaterials.Persistence;

namespace PocMaterials.Reach.Tracking;

/// <summary>Where a material view came from.</summary>
public enum ViewSource
{
    Direct,
    Search,
    Related,
    Newsletter,

    /// <summary>A link of a helpdesk answer's mail.</summary>
    Helpdesk,
}

/// <summary>Who did something, pseudonymously: the viewer id is a keyed hash, never the identity.</summary>
public sealed record Viewer(string Pseudonym, IReadOnlyList<string> Roles, string? Centre);

/// <summary>Something staff did that reach reports count.</summary>
public abstract record ReachEvent(Guid Id, DateTimeOffset OccurredAt, Viewer Viewer);

/// <summary>A material (or one FAQ question of it) was opened.</summary>
public sealed record MaterialViewed(
    Guid Id,
    DateTimeOffset OccurredAt,
    Viewer Viewer,
    string MaterialSlug,
    string? FaqAnchor,
    ViewSource Source,
    Guid? SearchId,
    int? ResultPosition) : ReachEvent(Id, OccurredAt, Viewer);

/// <summary>A search was made; the views that follow it name its id.</summary>
public sealed record SearchMade(
    Guid Id,
    DateTimeOffset OccurredAt,
    Viewer Viewer,
    string Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    int ResultCount) : ReachEvent(Id, OccurredAt, Viewer)
{
    /// <summary>Queries are compared as staff mean them: trimmed, lower case, single spaces, no control characters.</summary>
    public static string Normalise(string query) =>
        string.Join(' ', RecordedText.Clean(query).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
