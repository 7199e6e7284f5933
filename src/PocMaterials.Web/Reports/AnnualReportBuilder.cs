using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Reach.Feedback;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>
/// Composes the school-year report in the host from each project's own reports (Reach, its feedback, the search engine,
/// the sections of other features such as the newsletter's) and the content library's dates, so no project's SQL reads
/// another's tables.
/// </summary>
public sealed class AnnualReportBuilder(
    ReachReports reach, FeedbackReports feedback, AnnualSearchTables searchTables, IEnumerable<IAnnualReportSection> sections)
{
    /// <summary>Rows of the top lists; the previous year's figure is looked up among this many of its own.</summary>
    public const int Top = 20;

    private const int Lookup = 1000;

    public async Task<AnnualReport> BuildAsync(ReportPeriod year, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var last = SchoolYear.Previous(year);
        var centres = await reach.CentresAsync(year, content, cancellationToken);
        var roles = await reach.RolesAsync(year, content, cancellationToken);
        var views = await reach.MaterialViewsAsync(year, content, cancellationToken);
        var lastViews = await reach.MaterialViewsAsync(last, content, cancellationToken);
        var searches = await reach.SearchesAsync(year, Lookup, cancellationToken);
        var lastSearches = await reach.SearchesAsync(last, Lookup, cancellationToken);
        var votes = await feedback.PeriodAsync(year, content, 0, cancellationToken);
        var lastVotes = await feedback.PeriodAsync(last, content, 0, cancellationToken);
        List<AnnualTable> tables =
        [
            new("summary", "Overzicht", ["aantal"],
            [
                Row("due-for-review", "Materialen te herzien op het einde van het schooljaar",
                    DueForReview(content, year), DueForReview(content, last)),
                Row("searches", "Zoekopdrachten", searches.Searches, lastSearches.Searches),
                Row("helpful", "Stemmen 'nuttig'", votes.Total.Helpful, lastVotes.Total.Helpful),
                Row("not-helpful", "Stemmen 'niet nuttig'", votes.Total.NotHelpful, lastVotes.Total.NotHelpful),
            ]),
            AnnualReachTables.Months(year, views, lastViews),
            AnnualReachTables.Centres(centres, await reach.CentresAsync(last, content, cancellationToken), content.Taxonomy),
            AnnualReachTables.Roles(roles, await reach.RolesAsync(last, content, cancellationToken)),
            MaterialsBy("themes", "Materialen per thema", content, year, content.Themes.Select(t => (t.Id, t.Title)), m => m.Themes),
            MaterialsBy("core-processes", "Materialen per kernproces", content, year,
                content.Taxonomy.CoreProcesses.All.Select(c => (c.Id, c.Label)), m => m.CoreProcesses),
            AnnualReachTables.TopMaterials(views, lastViews, Top),
            AnnualSearchTables.Top(searches, lastSearches, Top),
            searchTables.WithoutResults(searches, lastSearches, content, Top),
            new("feedback-themes", "Was dit nuttig? per thema", ["ja", "nee"], [.. content.Themes.Select(t =>
            {
                var now = votes.Themes.FirstOrDefault(g => g.Key == t.Id)?.Votes;
                var before = lastVotes.Themes.FirstOrDefault(g => g.Key == t.Id)?.Votes;
                return new AnnualRow(t.Id, t.Title, [YearFigure.Of(now?.Helpful ?? 0, before?.Helpful ?? 0),
                    YearFigure.Of(now?.NotHelpful ?? 0, before?.NotHelpful ?? 0)]);
            })]),
        ];
        foreach (var section in sections)
            tables.AddRange(await section.TablesAsync(new AnnualYears(year, last, content), cancellationToken));
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
}
