using System.Globalization;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Reach.Feedback;

/// <summary>An answer's votes: its anchor and question (the anchor itself once the question is gone).</summary>
public sealed record AnswerFeedback(string Anchor, string Question, FeedbackTally Votes);

/// <summary>A comment with the question it is about (empty: the material).</summary>
public sealed record CommentFeedback(string Anchor, string Question, string Reason, string Comment, DateOnly Day);

/// <summary>One material's votes for editors: on the material itself, per answer, and the latest comments.</summary>
public sealed record MaterialFeedbackReport(
    DateOnly From,
    DateOnly To,
    string Slug,
    string Title,
    FeedbackTally Material,
    IReadOnlyList<AnswerFeedback> Answers,
    IReadOnlyList<CommentFeedback> LatestComments);

/// <summary>A material (<paramref name="Anchor"/> empty) or answer with its votes.</summary>
public sealed record FeedbackItem(string Slug, string Title, string Anchor, string Question, FeedbackTally Votes);

/// <summary>Votes of a theme or a month (<paramref name="Key"/>: the theme id, or the month as yyyy-MM).</summary>
public sealed record FeedbackGroup(string Key, string Label, FeedbackTally Votes);

/// <summary>The period's votes: the materials and answers with the most no, and the votes per theme and per month.</summary>
public sealed record FeedbackReport(
    DateOnly From,
    DateOnly To,
    FeedbackTally Total,
    IReadOnlyList<FeedbackItem> MostNotHelpful,
    IReadOnlyList<FeedbackGroup> Themes,
    IReadOnlyList<FeedbackGroup> Months);

/// <summary>Shapes the stored votes into the editors' reports, naming materials and questions from the current content.</summary>
public sealed class FeedbackReports(MaterialFeedback feedback)
{
    public const int LatestComments = 20;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public async Task<MaterialFeedbackReport> MaterialAsync(
        ReportPeriod period, ContentSnapshot content, Material material, CancellationToken cancellationToken)
    {
        var slug = material.Slug;
        var counts = await feedback.CountsAsync(period, slug, cancellationToken);
        var comments = await feedback.LatestCommentsAsync(period, slug, LatestComments, cancellationToken);
        var anchors = material.Questions.Select(q => q.Anchor)
            .Concat(counts.Select(c => c.Anchor).Where(a => a.Length > 0)).Distinct(StringComparer.Ordinal);
        return new MaterialFeedbackReport(
            period.From,
            period.To,
            slug,
            material.Title,
            FeedbackTally.Of(counts.Where(c => c.Anchor.Length == 0)),
            [.. anchors.Select(a => new AnswerFeedback(
                a, QuestionOf(content, slug, a), FeedbackTally.Of(counts.Where(c => c.Anchor == a))))],
            [.. comments.Select(c => new CommentFeedback(c.Anchor, QuestionOf(content, slug, c.Anchor), c.Reason, c.Comment, c.Day))]);
    }

    public async Task<FeedbackReport> PeriodAsync(
        ReportPeriod period, ContentSnapshot content, int top, CancellationToken cancellationToken)
    {
        var counts = await feedback.CountsAsync(period, null, cancellationToken);
        var items = counts.GroupBy(c => (c.Slug, c.Anchor))
            .Select(g => new FeedbackItem(g.Key.Slug, TitleOf(content, g.Key.Slug), g.Key.Anchor,
                QuestionOf(content, g.Key.Slug, g.Key.Anchor), FeedbackTally.Of(g)))
            .Where(i => i.Votes.NotHelpful > 0)
            .OrderByDescending(i => i.Votes.NotHelpful).ThenBy(i => i.Votes.Helpful).ThenBy(i => i.Title, StringComparer.CurrentCulture)
            .Take(top);
        var themes = content.Themes.Select(t => new FeedbackGroup(t.Id, t.Title, FeedbackTally.Of(
            counts.Where(c => content.Materials.TryGetValue(c.Slug, out var m) && m.Themes.Contains(t.Id)))));
        var months = period.Months().Select(month => new FeedbackGroup(month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            month.ToString("MMMM yyyy", Dutch), FeedbackTally.Of(counts.Where(c => c.Month == month))));
        return new FeedbackReport(period.From, period.To, FeedbackTally.Of(counts), [.. items],
            [.. themes.Where(t => t.Votes.Votes > 0).OrderByDescending(t => t.Votes.NotHelpful)], [.. months]);
    }

    private static string TitleOf(ContentSnapshot content, string slug) =>
        content.Materials.TryGetValue(slug, out var material) ? material.Title : slug;

    private static string QuestionOf(ContentSnapshot content, string slug, string anchor) => anchor.Length == 0
        ? ""
        : content.Materials.TryGetValue(slug, out var material) && material.Questions.FirstOrDefault(q => q.Anchor == anchor) is { } q
            ? q.Question
            : anchor;
}
