using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Reports;
using PocMaterials.Reach.Reports;
using PocMaterials.Testing;

namespace PocMaterials.Helpdesk.Tests.Reports;

/// <summary>The year figures, each checked against a count the test makes itself from the questions it wrote.</summary>
public sealed class HelpdeskReportsTests : IAsyncLifetime
{
    private static readonly string[] Themes = ["decreet-leersteun", "beroepsgeheim-en-drm"];
    private static readonly string?[] CoreProcesses = ["begeleiding", "handelingsgerichte-diagnostiek", null];
    private static readonly string?[] Centres = ["gent", "brussel", null];
    private static readonly string[][] Roles = [["clb-medewerker"], ["arts", "clb-medewerker"], ["clb-medewerker", "directeur"]];

    // School year 2025-2026 in Brussels: from 31 August 22:00 UTC (summer time) to the same a year later.
    private static readonly DateTimeOffset Start = new(2025, 8, 31, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 8, 31, 22, 0, 0, TimeSpan.Zero);

    private readonly HelpdeskDatabase _db = new();
    private readonly List<Seeded> _seeded = [];

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Every_figure_of_a_school_year_is_the_count_of_the_questions_asked_in_it()
    {
        await SeedAsync();

        var report = await _db.Reports.PeriodAsync(new ReportPeriod(new(2025, 9, 1), new(2026, 8, 31)), _db.Library.Current,
            CancellationToken.None);

        var inYear = _seeded.Where(s => s.At >= Start && s.At < End).ToList();
        Assert.InRange(inYear.Count, 10, 40);
        Assert.Contains(inYear, s => s.At == Start.AddMinutes(30));
        Assert.DoesNotContain(inYear, s => s.At == Start.AddMinutes(-30) || s.At == End.AddMinutes(30));
        Same(Expected(inYear), report.Total);
        Check(report.Themes, inYear, s => s.Theme);
        Check(report.CoreProcesses, inYear, s => s.CoreProcess ?? "");
        Check(report.Channels, inYear, s => s.Channel);
        Check(report.Centres, inYear, s => s.Centre ?? "");
        Assert.Equal(inYear.SelectMany(s => s.Roles).Distinct().Order(), report.Roles.Select(r => r.Key).Order());
        Assert.All(report.Roles, row => Same(Expected([.. inYear.Where(s => s.Roles.Contains(row.Key))]), row.Figures));
        Assert.Equal("Decreet leersteun", report.Themes.Single(r => r.Key == "decreet-leersteun").Label);
        Assert.Equal("Geen centrum", report.Centres.Single(r => r.Key == "").Label);
        Assert.Equal("Telefoon", report.Channels.Single(r => r.Key == "telefoon").Label);
    }

    private static void Check(IReadOnlyList<HelpdeskRow> rows, List<Seeded> questions, Func<Seeded, string> key)
    {
        var groups = questions.GroupBy(key).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(groups.Keys.Order(), rows.Select(r => r.Key).Order());
        Assert.All(rows, row => Same(Expected(groups[row.Key]), row.Figures));
        Assert.Equal(rows.Select(r => r.Figures.Questions).OrderDescending(), rows.Select(r => r.Figures.Questions));
    }

    /// <summary>Counts equal; a mean and a median as far as PostgreSQL's and .NET's floating point agree.</summary>
    private static void Same(HelpdeskFigures expected, HelpdeskFigures actual)
    {
        static HelpdeskFigures Counts(HelpdeskFigures f) => f with { MeanScore = null, MedianHoursToAnswer = null };
        Assert.Equal(Counts(expected), Counts(actual));
        Assert.Equal(expected.MeanScore is null, actual.MeanScore is null);
        Assert.Equal(expected.MedianHoursToAnswer is null, actual.MedianHoursToAnswer is null);
        Assert.Equal(expected.MeanScore ?? 0, actual.MeanScore ?? 0, 9);
        Assert.Equal(expected.MedianHoursToAnswer ?? 0, actual.MedianHoursToAnswer ?? 0, 9);
    }

    private static HelpdeskFigures Expected(List<Seeded> questions)
    {
        var hours = questions.Where(s => s.AnsweredAfter is not null)
            .Select(s => HelpdeskWorkingHours.Between(s.At, s.At + s.AnsweredAfter!.Value)).Order().ToList();
        var scores = questions.Where(s => s.Score is not null).Select(s => (double)s.Score!.Value).ToList();
        double? median = hours.Count == 0 ? null
            : hours.Count % 2 == 1 ? hours[hours.Count / 2]
            : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        return new HelpdeskFigures(questions.Count, hours.Count, questions.Sum(s => s.Minutes ?? 0), scores.Count,
            scores.Count == 0 ? null : scores.Average(), median, questions.Count(s => s.Faq));
    }

    /// <summary>Two school years of questions and the edges of the year in Brussels time, with answers, scores and FAQs.</summary>
    private async Task SeedAsync()
    {
        var random = new Random(20);
        var store = _db.Store;
        // 23:30 on 31 August in Brussels is the year before; 00:30 on 1 September is this year.
        DateTimeOffset[] edges = [Start.AddMinutes(-30), Start.AddMinutes(30), End.AddMinutes(-30), End.AddMinutes(30)];
        var times = edges.Concat(Enumerable.Range(0, 40).Select(_ => Start.AddYears(-1).AddHours(random.Next(2 * 365 * 24))));
        foreach (var at in times)
        {
            var channel = Channels.All[random.Next(Channels.All.Count)];
            var seeded = new Seeded(at, Themes[random.Next(2)], CoreProcesses[random.Next(3)], channel, Centres[random.Next(3)],
                Roles[random.Next(3)], random.Next(3) == 0 ? null : random.Next(0, 121), null, null, false);
            var question = await store.RegisterAsync(HelpdeskDatabase.Question($"Vraag {_seeded.Count}", at, seeded.Theme, channel,
                centre: seeded.Centre, roles: seeded.Roles, coreProcess: seeded.CoreProcess, minutes: seeded.Minutes), _ => null,
                CancellationToken.None);
            if (random.Next(4) > 0)
            {
                var after = TimeSpan.FromMinutes(random.Next(10, 14 * 24 * 60));
                await AnswerAsync(store, question.Id, at + after);
                // A correction later does not change how long answering took.
                if (random.Next(4) == 0)
                    await AnswerAsync(store, question.Id, at + after + TimeSpan.FromDays(1));
                seeded = seeded with { AnsweredAfter = after };
                if (random.Next(2) == 0)
                {
                    seeded = seeded with { Score = random.Next(1, 6) };
                    await store.RecordSatisfactionAsync(question.Id, seeded.Score.Value, at + after, CancellationToken.None);
                }
                if (random.Next(3) == 0)
                {
                    seeded = seeded with { Faq = true };
                    await store.RecordFaqAsync(question.Id, "faq-leersteun", $"vraag-{question.Id}", CancellationToken.None);
                }
            }
            _seeded.Add(seeded);
        }
        // A closed question still counts as answered once it was.
        await store.SetStatusAsync(1, QuestionStatus.Closed, CancellationToken.None);
    }

    private static Task AnswerAsync(QuestionStore store, long id, DateTimeOffset at) =>
        store.AnswerAsync(id, "Zo.", [], null, "editor-subject", at,
            (q, email) => new OutgoingMail(OutgoingMail.AnswerKind, email, null, "Antwoord", "<p>Zo.</p>", "Zo."), CancellationToken.None);

    private sealed record Seeded(
        DateTimeOffset At, string Theme, string? CoreProcess, string Channel, string? Centre, string[] Roles, int? Minutes,
        TimeSpan? AnsweredAfter, int? Score, bool Faq);
}
