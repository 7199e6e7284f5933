using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Similarity;

namespace PocMaterials.Web.Endpoints;

/// <summary>A material by slug and title (the slug itself when it is gone).</summary>
public sealed record HelpdeskMaterial(string Slug, string Title);

/// <summary>The latest answer, its materials and who gave it (by name; null when the name is not known).</summary>
/// <param name="Text">The answer in Markdown, as the editor wrote it.</param>
/// <param name="Html">The answer as safe HTML, rendered as the asker's mail and a material's body are (no raw HTML nor script
/// links). An answer Markdig cannot read is refused when it is given, so every kept answer has one.</param>
/// <param name="FirstAnsweredAt">The first answer's time: how long answering took counts to it, not to a correction.</param>
public sealed record HelpdeskAnswerResponse(
    string Text, string Html, IReadOnlyList<HelpdeskMaterial> Materials, DateTimeOffset FirstAnsweredAt, DateTimeOffset AnsweredAt,
    string? AnsweredByName);

/// <summary>
/// A question as editors (and its asker, once) see it: never who asked it, nor their address, only whether the answer
/// is mailed (<paramref name="AnswerByMail"/>). Editors by name only.
/// </summary>
/// <param name="Channel">website, telefoon, mail or sessie.</param>
/// <param name="Status">open, answered or closed.</param>
/// <param name="RegisteredByName">The editor who registered a question by phone, mail or a session.</param>
public sealed record HelpdeskQuestionResponse(
    long Id,
    DateTimeOffset AskedAt,
    string Channel,
    string Text,
    LabelledId Theme,
    LabelledId? CoreProcess,
    HelpdeskMaterial? Material,
    IReadOnlyList<LabelledId> Roles,
    LabelledId? Centre,
    string Status,
    int? Minutes,
    string? RegisteredByName,
    HelpdeskAnswerResponse? Answer,
    SatisfactionScore? Satisfaction,
    FaqLink? Faq,
    bool AnswerByMail);

/// <summary>A question like another: its text, when, its status, and how alike (0 to 1; 1 in a list's groups).</summary>
public sealed record HelpdeskSimilarQuestion(long Id, string Text, DateTimeOffset AskedAt, string Status, double Similarity);

/// <summary>Questions asked in similar wording: asked more than once.</summary>
public sealed record HelpdeskSimilarGroup(IReadOnlyList<HelpdeskSimilarQuestion> Questions);

/// <summary>A page of questions (open first, then newest), the filter's similar groups and how long its answers took.</summary>
public sealed record HelpdeskListResponse(
    int Total, int Page, int PageSize, IReadOnlyList<HelpdeskQuestionResponse> Items, IReadOnlyList<HelpdeskSimilarGroup> Similar,
    AnswerTimes AnswerTimes);

/// <summary>One question with its answer, its similar questions and its mails' progress (never to whom).</summary>
public sealed record HelpdeskQuestionDetail(
    HelpdeskQuestionResponse Question, IReadOnlyList<HelpdeskSimilarQuestion> Similar, IReadOnlyList<MailState> Mails);

/// <summary>Shapes stored questions for the API: labels from the current content, editors by name.</summary>
internal static class HelpdeskResponses
{
    public static HelpdeskQuestionResponse From(HelpdeskQuestion q, ContentSnapshot content, IReadOnlyDictionary<string, string> names)
    {
        var taxonomy = content.Taxonomy;
        return new HelpdeskQuestionResponse(
            q.Id,
            q.AskedAt,
            q.Channel,
            q.Text,
            new LabelledId(q.Theme, content.ThemeTitle(q.Theme)),
            q.CoreProcess is { } process ? new LabelledId(process, taxonomy.CoreProcesses.LabelOf(process)) : null,
            q.MaterialSlug is { } slug ? Material(slug, content) : null,
            [.. q.Roles.Select(r => new LabelledId(r, taxonomy.Roles.LabelOf(r)))],
            q.Centre is { } centre ? new LabelledId(centre, taxonomy.Centres.LabelOf(centre)) : null,
            q.Status,
            q.Minutes,
            q.RegisteredBy is { } editor ? names.GetValueOrDefault(editor) : null,
            q.Answer is { } a
                ? new HelpdeskAnswerResponse(a.Text, MarkdownRendering.ToHtml(a.Text),
                    [.. a.Materials.Select(s => Material(s, content))], a.FirstAnsweredAt, a.AnsweredAt,
                    names.GetValueOrDefault(a.AnsweredBy))
                : null,
            q.Satisfaction,
            q.Faq,
            q.AnswerByMail);
    }

    /// <summary>The editors a question names (who registered it, who answered), whose names are looked up.</summary>
    public static IEnumerable<string?> Editors(HelpdeskQuestion q) => [q.RegisteredBy, q.Answer?.AnsweredBy];

    public static HelpdeskSimilarQuestion Similar(QuestionText q, double similarity) =>
        new(q.Id, q.Text, q.AskedAt, q.Status, Math.Round(similarity, 2));

    public static HelpdeskSimilarQuestion Similar(SimilarQuestion s) => Similar(s.Question, s.Similarity);

    private static HelpdeskMaterial Material(string slug, ContentSnapshot content) =>
        new(slug, content.Materials.TryGetValue(slug, out var material) ? material.Title : slug);
}
