using System.Globalization;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Reach.Feedback;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>
/// Composes the school-year report in the host from each project's own reports (Reach, its feedback, the newsletter's
/// issue reports) and the content library's dates, so no project's SQL reads another's tables.
/// </summary>
public sealed class AnnualReportBuilder(ReachReports reach, FeedbackReports feedback, IssueStore issues, IssueReports issueReports)
{
    /// <summary>Rows of the top lists; the previous year's figure is looked up among this many of its own.</summary>
    public const int Top = 20;

    private const int Lookup = 1000;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public async Task<AnnualReport> BuildAsync(ReportPeriod year, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var last = SchoolYear.Previous(year);
        var centres = await reach.CentresAsync(year, content, cancellationToken);
        var roles = await reach.RolesAsync(year, content, cancellationToken);
        var searches = await reach.SearchesAsync(year, Lookup, cancellationToken);
        var lastSearches = await reach.SearchesAsync(last, Lookup, cancellationToken);
        var votes = await feedback.PeriodAsync(year, content, 0, cancellationToken);
        var lastVotes = await feedback.PeriodAsync(last, content, 0, cancellationToken);
        AnnualTable[] tables =
        [
            MaterialsBy("themes", "Materialen per thema", content, year, content.Themes.Select(t => (t.Id, t.Title)), m => m.Themes),
            MaterialsBy("core-processes", "Materialen per kernproces", content, year,
                content.Taxonomy.CoreProcesses.All.Select(c => (c.Id, c.Label)), m => m.CoreProcesses),
            new("summary", "Overzicht", ["aantal"],
            [
                Row("due-for-review", "Materialen te herzien op het einde van het schooljaar",
                    DueForReview(content, year), DueForReview(content, last)),
                Row("searches", "Zoekopdrachten", searches.Searches, lastSearches.Searches),
                Row("helpful", "Stemmen 'nuttig'", votes.Total.Helpful, lastVotes.Total.Helpful),
                Row("not-helpful", "Stemmen 'niet nuttig'", votes.Total.NotHelpful, lastVotes.Total.NotHelpful),
            ]),
            Reach("centres", "Bereik per centrum", centres, await reach.CentresAsync(last, content, cancellationToken)),
            Reach("roles", "Bereik per rol", roles, await reach.RolesAsync(last, content, cancellationToken)),
            await NewslettersAsync(year, last, content, cancellationToken),
            await TopMaterialsAsync(year, last, content, cancellationToken),
            Queries("top-searches", "Meest gezochte zoektermen", searches.TopQueries, lastSearches.TopQueries),
            Queries("searches-without-results", "Zoektermen zonder resultaten", searches.ZeroResultQueries,
                lastSearches.ZeroResultQueries),
            new("feedback-themes", "Was dit nuttig? per thema", ["ja", "nee"], [.. content.Themes.Select(t =>
            {
                var now = votes.Themes.FirstOrDefault(g => g.Key == t.Id)?.Votes;
                var before = lastVotes.Themes.FirstOrDefault(g => g.Key == t.Id)?.Votes;
                return new AnnualRow(t.Id, t.Title, [YearFigure.Of(now?.Helpful ?? 0, before?.Helpful ?? 0),
                    YearFigure.Of(now?.NotHelpful ?? 0, before?.NotHelpful ?? 0)]);
            })]),
        ];
        return new AnnualReport(SchoolYear.Name(year), year.From, year.To, SchoolYear.Name(last), tables,
            [.. centres.NotReached.Select(g => g.Label)], [.. roles.NotReached.Select(g => g.Label)]);
    }

    private static AnnualRow Row(string id, string label, long current, long previous) =>
        new(id, label, [YearFigure.Of(current, previous)]);

    /// <summary>Published materials first published, and updated, within each year, per theme or core process.</summary>
    private static AnnualTable MaterialsBy(string name, string title, ContentSnapshot content, ReportPeriod year,
        IEnumerable<(string Id, string Label)> terms, Func<Material, IReadOnlyList<string>> termsOf)
    {
        var last = SchoolYear.Previous(year);
        var published = content.Materials.Values.Where(m => m.Status == MaterialStatus.Published).ToList();
        long Count(string id, ReportPeriod period, Func<Material, DateOnly?> date) =>
            published.Count(m => termsOf(m).Contains(id) && date(m) is { } day && day >= period.From && day <= period.To);
        return new(name, title, ["gepubliceerd", "bijgewerkt"], [.. terms.Select(t => new AnnualRow(t.Id, t.Label,
        [
            YearFigure.Of(Count(t.Id, year, m => m.Published), Count(t.Id, last, m => m.Published)),
            YearFigure.Of(Count(t.Id, year, m => m.Updated), Count(t.Id, last, m => m.Updated)),
        ]))]);
    }

    /// <summary>Published materials whose review date had passed on the year's last day.</summary>
    private static long DueForReview(ContentSnapshot content, ReportPeriod period) => content.Materials.Values
        .Count(m => m.Status == MaterialStatus.Published && m.IsDueForReview(period.To.AddDays(1)));

    private static AnnualTable Reach(string name, string title, ReachReport year, ReachReport last) =>
        new(name, title, ["weergaven", "unieke medewerkers"], [.. year.Groups.Select(g =>
        {
            var before = last.Groups.FirstOrDefault(l => l.Id == g.Id);
            return new AnnualRow(g.Id, g.Label,
                [YearFigure.Of(g.Views, before?.Views ?? 0), YearFigure.Of(g.UniqueViewers, before?.UniqueViewers ?? 0)]);
        })]);

    private static AnnualTable Queries(string name, string title, IReadOnlyList<QueryCount> year, IReadOnlyList<QueryCount> last) =>
        new(name, title, ["zoekopdrachten"], [.. year.Take(Top).Select(q =>
            Row(q.Query, q.Query, q.Searches, last.FirstOrDefault(l => l.Query == q.Query)?.Searches ?? 0))]);

    private async Task<AnnualTable> TopMaterialsAsync(ReportPeriod year, ReportPeriod last, ContentSnapshot content,
        CancellationToken cancellationToken)
    {
        var now = await reach.MaterialViewsAsync(year, content, cancellationToken);
        var before = (await reach.MaterialViewsAsync(last, content, cancellationToken)).Materials.ToDictionary(m => m.Slug);
        return new("top-materials", "Meest bekeken materialen", ["weergaven", "unieke medewerkers"], [.. now.Materials.Take(Top)
            .Select(m => new AnnualRow(m.Slug, m.Title,
            [
                YearFigure.Of(m.Views, before.GetValueOrDefault(m.Slug)?.Views ?? 0),
                YearFigure.Of(m.UniqueViewers, before.GetValueOrDefault(m.Slug)?.UniqueViewers ?? 0),
            ]))]);
    }

    /// <summary>Each month's issue beside the same month's issue a year earlier, and the year's totals.</summary>
    private async Task<AnnualTable> NewslettersAsync(ReportPeriod year, ReportPeriod last, ContentSnapshot content,
        CancellationToken cancellationToken)
    {
        var sent = await issues.ListAsync(before: year.To.AddDays(1), limit: 24, status: IssueStatus.Sent,
            cancellationToken: cancellationToken);
        var figures = new Dictionary<DateOnly, long[]>();
        foreach (var issue in sent.Where(i => i.Month >= last.From))
        {
            var report = await issueReports.ForAsync(issue, content, cancellationToken);
            figures[issue.Month] = [report.Sent, report.UniqueOpens, report.Clicks, report.Unsubscribed];
        }
        long[] Of(DateOnly month) => figures.GetValueOrDefault(month, [0, 0, 0, 0]);
        AnnualRow Compare(string id, string label, long[] now, long[] before) =>
            new(id, label, [.. now.Zip(before, YearFigure.Of)]);
        long[] Total(ReportPeriod period) => [.. Enumerable.Range(0, 4).Select(i =>
            figures.Where(f => f.Key >= period.From && f.Key <= period.To).Sum(f => f.Value[i]))];
        var rows = year.Months().Where(m => figures.ContainsKey(m) || figures.ContainsKey(m.AddYears(-1)))
            .Select(m => Compare(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", Dutch), Of(m),
                Of(m.AddYears(-1))))
            .Append(Compare("total", "Totaal", Total(year), Total(last)));
        return new("newsletters", "Nieuwsbrieven", ["verstuurd", "unieke lezers", "kliks", "uitschrijvingen"], [.. rows]);
    }
}
