using System.Diagnostics;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Reports;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Reports;

namespace PocMaterials.Bench;

/// <summary>
/// The helpdesk's part of the school-year report benchmark: 10,000 questions over the previous school year and this one so
/// far (<see cref="SyntheticQuestions"/>), written through the helpdesk's store as the API's handlers write them, and the
/// editors' list of questions with its similar groups timed over them.
/// </summary>
internal static class HelpdeskBenchmark
{
    public const int Questions = 10_000;

    /// <summary>Store calls at once: a question's registration, answer, score and FAQ question are each a transaction.</summary>
    private const int Writers = 8;

    public static async Task SeedAsync(Database database, ContentSnapshot content)
    {
        var calendar = new StaffCalendar(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var from = SchoolYear.Previous(ReportPeriod.SchoolYearOf(calendar.Today)).StartIn(calendar);
        using var signal = new MailSignal();
        var hours = new WorkingHours(calendar, Options.Create(new HelpdeskOptions()));
        var store = new QuestionStore(database, new QueuedMails(database, signal), hours);
        var watch = Stopwatch.StartNew();
        // No asker's address: no mail is queued, as for most questions registered by phone, mail or a session.
        await Parallel.ForEachAsync(SyntheticQuestions.Make(Questions, content, from, now),
            new ParallelOptions { MaxDegreeOfParallelism = Writers }, async (q, cancellationToken) =>
            {
                var asked = await store.RegisterAsync(q.Question, _ => null, cancellationToken);
                if (q.AnsweredAfterHours is not { } hours)
                    return;
                var answeredAt = q.Question.AskedAt.AddHours(hours);
                await store.AnswerAsync(asked.Id, "Zie de fiche en de FAQ-lijst van het thema.", [], null, "bench-editor", answeredAt,
                    (_, _) => throw new InvalidOperationException("No address was given: no mail is made."), cancellationToken);
                if (q.Score is { } score)
                    await store.RecordSatisfactionAsync(asked.Id, score, answeredAt.AddHours(3), cancellationToken);
                if (q.Faq)
                    await store.RecordFaqAsync(asked.Id, "faq-bench", $"vraag-{asked.Id}", cancellationToken);
            });
        await using (var analyze = database.DataSource.CreateCommand("ANALYZE helpdesk_questions"))
            await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"helpdesk: {Questions:N0} questions written through the store in {watch.Elapsed.TotalSeconds:F1} s "
            + $"({Writers} at a time; each registration, answer, score and FAQ question a transaction)");

        // The report's part of them: both school years' figures, as its section asks.
        var reports = new HelpdeskReports(database, calendar, hours);
        var year = ReportPeriod.SchoolYearOf(calendar.Today);
        var timings = new List<double>();
        for (var i = 0; i <= 10; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await reports.PeriodAsync(year, content, CancellationToken.None);
            await reports.PeriodAsync(SchoolYear.Previous(year), content, CancellationToken.None);
            if (i > 0)
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"  helpdesk year figures    {Percentiles.Of(timings)} (this school year and the previous)");
    }

    /// <summary>
    /// GET /api/helpdesk/questions as the editors' page asks it: the first page of all questions (similar groups among the
    /// newest 2,000), and of one theme's month. The first answer analyses the questions' words, which a host does once.
    /// </summary>
    public static async Task TimeListAsync(HttpClient client, ContentSnapshot content)
    {
        var month = DateTimeOffset.UtcNow.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var theme = content.Themes[0].Id;
        Console.WriteLine($"helpdesk questions over HTTP (an editor; {Questions:N0} questions):");
        await AnnualReportBenchmark.TimeAsync(client, "/api/helpdesk/questions", "list, all", runs: 10);
        await AnnualReportBenchmark.TimeAsync(client, $"/api/helpdesk/questions?theme={theme}&month={month}", "list, theme and month",
            runs: 10);
    }
}
