namespace PocMaterials.Helpdesk.Questions;

/// <summary>How a question came in: on the website, or by phone, mail or a session (registered by an editor).</summary>
public static class Channels
{
    public const string Website = "website";

    /// <summary>The channels an editor registers a question of.</summary>
    public static IReadOnlyList<string> Registered { get; } = ["telefoon", "mail", "sessie"];

    public static IReadOnlyList<string> All { get; } = [Website, .. Registered];
}

/// <summary>Where a question stands.</summary>
public static class QuestionStatus
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [Open, Answered, Closed];
}

/// <summary>The limits of what a question and its answer hold (the database checks the question's and the minutes' too).</summary>
public static class QuestionLimits
{
    public const int MaxText = 2000;
    public const int MaxAnswer = 10_000;
    public const int MaxMinutes = 600;
    public const int MaxMaterials = 20;
}

/// <summary>A question to register.</summary>
/// <param name="Asker">The asker's viewer key (a keyed hash, never the subject), for a website question.</param>
/// <param name="AskerEmail">The asker's address when known, only to send them the answer.</param>
/// <param name="RegisteredBy">The editor's subject, for a question by phone, mail or a session.</param>
public sealed record NewQuestion(
    DateTimeOffset AskedAt,
    string Channel,
    string Text,
    string Theme,
    string? CoreProcess,
    string? MaterialSlug,
    IReadOnlyList<string> Roles,
    string? Centre,
    string? Asker,
    string? AskerEmail,
    string? RegisteredBy,
    int? Minutes);

/// <summary>A question as editors read it: never who asked (no viewer key, no address), only whether the answer is mailed.</summary>
/// <param name="RegisteredBy">The editor's subject who registered it; null for a website question.</param>
/// <param name="AnswerByMail">Whether the asker's address is known, so an answer is mailed to them.</param>
public sealed record HelpdeskQuestion(
    long Id,
    DateTimeOffset AskedAt,
    string Channel,
    string Text,
    string Theme,
    string? CoreProcess,
    string? MaterialSlug,
    IReadOnlyList<string> Roles,
    string? Centre,
    string? RegisteredBy,
    int? Minutes,
    string Status,
    QuestionAnswer? Answer,
    SatisfactionScore? Satisfaction,
    FaqLink? Faq,
    bool AnswerByMail);

/// <summary>The latest answer; <paramref name="FirstAnsweredAt"/> is the first's, which how long answering took counts to.</summary>
/// <param name="AnsweredBy">The editor's subject.</param>
public sealed record QuestionAnswer(
    string Text, IReadOnlyList<string> Materials, DateTimeOffset FirstAnsweredAt, DateTimeOffset AnsweredAt, string AnsweredBy);

/// <summary>The asker's satisfaction with the answer, 1 to 5, and when they gave it (a later click replaced an earlier).</summary>
public sealed record SatisfactionScore(int Score, DateTimeOffset At);

/// <summary>The FAQ question a question became: its material and anchor.</summary>
public sealed record FaqLink(string Slug, string Anchor);

/// <summary>Which questions a list shows: of a theme, asked in a period (instants, end excluded), of a status; null: any.</summary>
public sealed record QuestionFilter(string? Theme, DateTimeOffset? From, DateTimeOffset? To, string? Status)
{
    /// <summary>The same questions whatever their status: the scope of similar questions and answer times.</summary>
    public QuestionFilter AnyStatus => this with { Status = null };
}

/// <summary>How long answers took: how many questions were answered, and the median and mean working hours to the first answer.</summary>
public sealed record AnswerTimes(int Answered, double? MedianHours, double? MeanHours)
{
    public static AnswerTimes Of(IEnumerable<double> hours)
    {
        var sorted = hours.Order().ToList();
        if (sorted.Count == 0)
            return new AnswerTimes(0, null, null);
        var middle = sorted.Count / 2;
        return new AnswerTimes(sorted.Count, sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
            sorted.Average());
    }
}
