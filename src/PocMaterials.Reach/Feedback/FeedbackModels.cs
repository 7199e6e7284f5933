namespace PocMaterials.Reach.Feedback;

/// <summary>The reasons a "no" gives, as the API and the database name them.</summary>
public static class FeedbackReasons
{
    public const string Outdated = "verouderd";

    public static IReadOnlyList<string> All { get; } = [Outdated, "onvolledig", "niet-wat-ik-zocht", "onduidelijk"];

    /// <summary>The longest comment, in characters (the database checks it too).</summary>
    public const int MaxComment = 500;
}

/// <summary>
/// A vote on a material (<paramref name="Anchor"/> empty) or one of its FAQ answers; a reason and comment only with a no.
/// </summary>
public sealed record FeedbackVote(string Slug, string Anchor, bool Helpful, string? Reason, string? Comment);

/// <summary>
/// The vote a staff member cast on a material (<paramref name="Anchor"/> empty) or one of its FAQ answers, that a vote of
/// theirs now would replace; <paramref name="VotedAt"/> is its last change.
/// </summary>
public sealed record OwnVote(string Anchor, bool Helpful, string? Reason, string? Comment, DateTimeOffset VotedAt);

/// <summary>
/// Votes of one material, answer ("" the material itself), month (its first day), helpfulness and reason: the row the
/// reports count from (per theme through the material's themes, per month, per material).
/// </summary>
public sealed record FeedbackCount(string Slug, string Anchor, DateOnly Month, bool Helpful, string? Reason, int Votes);

/// <summary>Yes and no votes of a material or answer, and the no votes per reason (every reason, 0 included).</summary>
public sealed record FeedbackTally(int Helpful, int NotHelpful, IReadOnlyDictionary<string, int> Reasons)
{
    public int Votes => Helpful + NotHelpful;

    public static FeedbackTally Of(IEnumerable<FeedbackCount> counts)
    {
        var list = counts.ToList();
        return new(
            list.Where(c => c.Helpful).Sum(c => c.Votes),
            list.Where(c => !c.Helpful).Sum(c => c.Votes),
            FeedbackReasons.All.ToDictionary(r => r, r => list.Where(c => c.Reason == r).Sum(c => c.Votes), StringComparer.Ordinal));
    }
}

/// <summary>A comment left with a no, with its answer (anchor, "" the material) and the day it was written.</summary>
public sealed record FeedbackComment(string Anchor, string Reason, string Comment, DateOnly Day);
