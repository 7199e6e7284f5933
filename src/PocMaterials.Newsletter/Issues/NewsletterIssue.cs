using System.Text.Json.Serialization;
using PocMaterials.Content.Newsletter;

namespace PocMaterials.Newsletter.Issues;

/// <summary>Where an issue stands: composed issues wait for an editor; only approved ones are sent.</summary>
public enum IssueStatus
{
    Composed,
    Approved,
    Sending,
    Sent,
    Stopped,
    Cancelled,
}

/// <summary>
/// The materials an issue shows, by slug: those of the feature that are new or updated since the previous issue,
/// the feature's others that were viewed in the year before (most viewed first) and those nobody viewed (most recently
/// updated first), and the materials most viewed in the month before. Each list is whole: a reader gets the first
/// ones their roles may see.
/// </summary>
public sealed record IssueComposition(
    DateOnly Since,
    IReadOnlyList<string> New,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> MostViewed,
    IReadOnlyList<string> TopOfMonth)
{
    /// <summary>The feature's others that nobody viewed; empty in issues composed before it was kept apart.</summary>
    public IReadOnlyList<string> NeverViewed { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<string> AllSlugs =>
        New.Concat(Updated).Concat(MostViewed).Concat(NeverViewed).Concat(TopOfMonth).Distinct(StringComparer.Ordinal);
}

/// <summary>One monthly POC-a-tizer issue.</summary>
public sealed record NewsletterIssue
{
    public required long Id { get; init; }

    /// <summary>The first day of the issue's month.</summary>
    public required DateOnly Month { get; init; }

    public required Feature Feature { get; init; }

    /// <summary>Why this feature: planned in newsletter.yml, or how it was picked.</summary>
    public required string FeatureReason { get; init; }

    public required string IntroMarkdown { get; init; }
    public required IssueComposition Composition { get; init; }
    public required IssueStatus Status { get; init; }
    public required DateTimeOffset ComposedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why it waits or why sending stopped.</summary>
    public string? Note { get; init; }

    /// <summary>The key of the issue in URLs: yyyy-MM.</summary>
    public string Key => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
