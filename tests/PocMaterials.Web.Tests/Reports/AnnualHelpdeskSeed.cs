using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Testing;
using static PocMaterials.Web.Tests.Reports.AnnualReportCounts;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>
/// A helpdesk question as the test writes it through the helpdesk's store: when, how and about what it was asked, the
/// minutes spent, whole hours to its first answer, the asker's score and whether it became a FAQ question.
/// </summary>
public sealed record SeededQuestion(
    DateTimeOffset At, string Channel, string Theme, string? CoreProcess, string? Centre, string[] Roles, int? Minutes,
    int? AnsweredAfterHours, int? Score, bool Faq);

/// <summary>
/// Two school years of helpdesk questions (and one after them) with the year's edge in Brussels time, written through
/// <see cref="QuestionStore"/> as the API's handlers write them, and the figures the report must give, counted from them.
/// Each question's text holds a pupil's name, and askers and editors have keys and addresses the report must never show.
/// </summary>
public static class AnnualHelpdeskSeed
{
    public const string AskerKey = "kijker-sleutel-4711";
    public const string EditorSubject = "redacteur-sub-4711";
    public const string AskerEmail = "vrager@example.org";

    public static readonly string[] Themes = ["decreet-leersteun", "beroepsgeheim-en-drm"];
    public static readonly string?[] CoreProcesses = ["begeleiding", "handelingsgerichte-diagnostiek", null];
    public static readonly string?[] Centres = ["gent", "brussel", null];
    private static readonly string[][] RoleSets = [["clb-medewerker"], ["arts", "clb-medewerker"], ["verpleegkundige"]];

    public static readonly SeededQuestion[] Questions = Generate();

    /// <summary>Writes every question, its answer (a correction for some), score and FAQ question through the store.</summary>
    public static async Task WriteAsync(QuestionStore store)
    {
        foreach (var (q, i) in Questions.Select((q, i) => (q, i)))
        {
            var website = q.Channel == Channels.Website;
            var asked = await store.RegisterAsync(new NewQuestion(q.At, q.Channel, $"Vraag {i} over {AnnualReportHost.Secret}", q.Theme,
                q.CoreProcess, null, q.Roles, q.Centre, website ? AskerKey : null, website ? AskerEmail : null,
                website ? null : EditorSubject, q.Minutes), _ => null, CancellationToken.None);
            if (q.AnsweredAfterHours is not { } hours)
                continue;
            var answeredAt = q.At.AddHours(hours);
            await AnswerAsync(store, asked.Id, answeredAt);
            // A correction a day later: how long answering took still counts to the first answer.
            if (i % 4 == 0)
                await AnswerAsync(store, asked.Id, answeredAt.AddDays(1));
            if (q.Score is { } score)
                await store.RecordSatisfactionAsync(asked.Id, score, answeredAt.AddHours(2), CancellationToken.None);
            if (q.Faq)
                await store.RecordFaqAsync(asked.Id, "fiche-a", $"vraag-{i}", CancellationToken.None);
        }
    }

    /// <summary>
    /// The questions <paramref name="of"/> picks (a theme's, a role's, all) asked in the year: questions, answered, minutes,
    /// became a FAQ question; scores, their mean and the median working hours to the first answer, those two to one decimal.
    /// </summary>
    public static (long[] Counts, decimal?[] Answers) Figures(Func<SeededQuestion, bool> of, (DateOnly From, DateOnly To) year)
    {
        var picked = Questions.Where(q => of(q) && In(Brussels(q.At), year)).ToList();
        var hours = picked.Where(q => q.AnsweredAfterHours is not null)
            .Select(q => (decimal)HelpdeskWorkingHours.Between(q.At, q.At.AddHours(q.AnsweredAfterHours!.Value))).Order().ToList();
        var scores = picked.Where(q => q.Score is not null).Select(q => q.Score!.Value).ToList();
        decimal? median = hours.Count == 0 ? null : (hours[(hours.Count - 1) / 2] + hours[hours.Count / 2]) / 2;
        decimal? mean = scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 1, MidpointRounding.AwayFromZero);
        return ([picked.Count, hours.Count, picked.Sum(q => q.Minutes ?? 0), picked.Count(q => q.Faq)],
            [scores.Count, mean, median is null ? null : Math.Round(median.Value, 1, MidpointRounding.AwayFromZero)]);
    }

    private static Task AnswerAsync(QuestionStore store, long id, DateTimeOffset at) =>
        store.AnswerAsync(id, "Zie de **fiche**.", ["fiche-a"], null, EditorSubject, at,
            (_, email) => new OutgoingMail(OutgoingMail.AnswerKind, email, null, "Antwoord", "<p>Zie de fiche.</p>", "Zie de fiche."),
            CancellationToken.None);

    /// <summary>
    /// 23:30 on 31 August 2031 in Brussels is the previous school year, 00:30 on 1 September this one; 40 more spread over
    /// both years and a month after, by a fixed seed. Minutes are an editor's (some left out); three in four are answered,
    /// half of the website's answers scored (only its askers get the mail with the score), a third a FAQ question.
    /// </summary>
    private static SeededQuestion[] Generate()
    {
        var random = new Random(2031);
        var edge = new DateTimeOffset(2031, 8, 31, 22, 0, 0, TimeSpan.Zero);
        var times = new[] { edge.AddMinutes(-30), edge.AddMinutes(30) }
            .Concat(Enumerable.Range(0, 40).Select(_ => edge.AddYears(-1).AddHours(random.Next(25 * 30 * 24))));
        return [.. times.Select(at =>
        {
            var channel = Channels.All[random.Next(Channels.All.Count)];
            var answered = random.Next(4) > 0 ? 1 + random.Next(14 * 24) : (int?)null;
            return new SeededQuestion(at, channel, Themes[random.Next(Themes.Length)], CoreProcesses[random.Next(3)],
                Centres[random.Next(3)], RoleSets[random.Next(RoleSets.Length)], random.Next(3) == 0 ? null : random.Next(121),
                answered, answered is not null && channel == Channels.Website && random.Next(2) == 0 ? 1 + random.Next(5) : null,
                answered is not null && random.Next(3) == 0);
        })];
    }
}
