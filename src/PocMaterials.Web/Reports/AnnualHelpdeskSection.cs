using PocMaterials.Helpdesk.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>
/// The helpdesk in the school-year report, from its own year figures (<see cref="HelpdeskReports"/>): the year's totals,
/// then per theme, core process, channel, centre and role the questions (asked, answered, minutes spent, became a FAQ
/// question) and, in a table of their own, the satisfaction and the time to the first answer: seven measures are too wide
/// for one A4 table. Only counted: no question's text, asker or editor.
/// </summary>
public sealed class AnnualHelpdeskSection(HelpdeskReports reports) : IAnnualReportSection
{
    private static readonly string[] Questions = ["vragen", "beantwoord", "minuten", "FAQ-vragen"];
    private static readonly string[] Answers = ["scores", "gemiddelde score", "werkuren tot antwoord (mediaan)"];

    private static readonly (string Name, string Title, Func<HelpdeskReport, IReadOnlyList<HelpdeskRow>> Rows)[] Dimensions =
    [
        ("themes", "thema", r => r.Themes),
        ("core-processes", "kernproces", r => r.CoreProcesses),
        ("channels", "kanaal", r => r.Channels),
        ("centres", "centrum", r => r.Centres),
        ("roles", "rol", r => r.Roles),
    ];

    public async Task<IReadOnlyList<AnnualTable>> TablesAsync(AnnualYears years, CancellationToken cancellationToken)
    {
        var now = await reports.PeriodAsync(years.Year, years.Content, cancellationToken);
        var before = await reports.PeriodAsync(years.Last, years.Content, cancellationToken);
        List<AnnualTable> tables = [Total(now.Total, before.Total)];
        foreach (var (name, title, rows) in Dimensions)
        {
            var both = Rows(rows(now), rows(before));
            tables.Add(new($"helpdesk-{name}", $"Helpdeskvragen per {title}", Questions,
                [.. both.Select(r => new AnnualRow(r.Key, r.Label, Counts(r.Now, r.Before)))])
            {
                Chart = name == "themes" ? new(AnnualChartKind.Bars, 0, "Helpdeskvragen per thema") : null,
            });
            tables.Add(new($"helpdesk-{name}-answers", $"Tevredenheid en antwoordtijd per {title}", Answers,
                [.. both.Select(r => new AnnualRow(r.Key, r.Label, Answered(r.Now, r.Before)))]));
        }
        return tables;
    }

    private static AnnualTable Total(HelpdeskFigures now, HelpdeskFigures before)
    {
        var counts = Counts(now, before);
        var answered = Answered(now, before);
        return new("helpdesk", "Helpdeskvragen", ["cijfer"],
        [
            new("questions", "Gestelde vragen", [counts[0]]),
            new("answered", "Beantwoorde vragen", [counts[1]]),
            new("minutes", "Bestede minuten (waar geregistreerd)", [counts[2]]),
            new("faq", "Vragen die een FAQ-vraag werden", [counts[3]]),
            new("scores", "Tevredenheidsscores gegeven", [answered[0]]),
            new("mean-score", "Gemiddelde tevredenheid (1 tot 5)", [answered[1]]),
            new("median-hours", "Werkuren tot het eerste antwoord (mediaan)", [answered[2]]),
        ]);
    }

    /// <summary>Every key either year has, this year's order first (the most asked), then last year's others.</summary>
    private static IEnumerable<(string Key, string Label, HelpdeskFigures Now, HelpdeskFigures Before)> Rows(
        IReadOnlyList<HelpdeskRow> now, IReadOnlyList<HelpdeskRow> before) =>
        now.Concat(before).DistinctBy(r => r.Key).Select(r => (r.Key, r.Label,
            now.FirstOrDefault(n => n.Key == r.Key)?.Figures ?? HelpdeskFigures.None,
            before.FirstOrDefault(b => b.Key == r.Key)?.Figures ?? HelpdeskFigures.None));

    private static YearFigure[] Counts(HelpdeskFigures now, HelpdeskFigures before) =>
    [
        YearFigure.Of(now.Questions, before.Questions),
        YearFigure.Of(now.Answered, before.Answered),
        YearFigure.Of(now.Minutes, before.Minutes),
        YearFigure.Of(now.BecameFaq, before.BecameFaq),
    ];

    private static YearFigure[] Answered(HelpdeskFigures now, HelpdeskFigures before) =>
    [
        YearFigure.Of(now.Scores, before.Scores),
        YearFigure.Of(Tenths(now.MeanScore), Tenths(before.MeanScore)),
        YearFigure.Of(Tenths(now.MedianHoursToAnswer), Tenths(before.MedianHoursToAnswer)),
    ];

    /// <summary>A mean or median to one decimal, as shown, so the change is that of the figures shown.</summary>
    private static decimal? Tenths(double? value) =>
        value is { } v ? Math.Round((decimal)v, 1, MidpointRounding.AwayFromZero) : null;
}
