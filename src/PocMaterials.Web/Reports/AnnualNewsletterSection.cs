using System.Globalization;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>
/// The POC-a-tizer in the school-year report, from the newsletter's own reports: each month's sent issue beside the same
/// month a year earlier with the year's total, and what the year's issues reached per centre and per role.
/// </summary>
public sealed class AnnualNewsletterSection(IssueStore issues, IssueReports reports) : IAnnualReportSection
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly string[] Measures = ["verstuurd", "unieke lezers", "kliks", "uitschrijvingen"];

    public async Task<IReadOnlyList<AnnualTable>> TablesAsync(AnnualYears years, CancellationToken cancellationToken)
    {
        var (year, last, content) = years;
        // One issue a month: two school years hold 24 at most.
        var sent = (await issues.ListAsync(before: year.To.AddDays(1), limit: 24, status: IssueStatus.Sent,
            cancellationToken: cancellationToken)).Where(i => i.Month >= last.From).ToList();
        var figures = new Dictionary<DateOnly, long[]>();
        foreach (var issue in sent)
        {
            var report = await reports.ForAsync(issue, content, cancellationToken);
            figures[issue.Month] = [report.Sent, report.UniqueOpens, report.Clicks, report.Unsubscribed];
        }
        long[] Of(DateOnly month) => figures.GetValueOrDefault(month, [0, 0, 0, 0]);
        long[] Total(ReportPeriod period) => [.. Enumerable.Range(0, Measures.Length).Select(i =>
            figures.Where(f => f.Key >= period.From && f.Key <= period.To).Sum(f => f.Value[i]))];
        var months = year.Months().Where(m => figures.ContainsKey(m) || figures.ContainsKey(m.AddYears(-1)))
            .Select(m => Compare(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", Dutch), Of(m),
                Of(m.AddYears(-1))))
            .Append(Compare("total", "Totaal", Total(year), Total(last)));

        IReadOnlyList<long> IssuesOf(ReportPeriod period) => [.. sent.Where(i => i.Month >= period.From && i.Month <= period.To)
            .Select(i => i.Id)];
        var now = await reports.GroupsAsync(IssuesOf(year), content, cancellationToken);
        var before = await reports.GroupsAsync(IssuesOf(last), content, cancellationToken);
        return
        [
            new("newsletters", "Nieuwsbrieven per maand", Measures, [.. months]),
            Groups("newsletter-centres", "Nieuwsbrieven per centrum", now.Centres, before.Centres),
            Groups("newsletter-roles", "Nieuwsbrieven per rol", now.Roles, before.Roles),
        ];
    }

    private static AnnualRow Compare(string id, string label, long[] now, long[] before) =>
        new(id, label, [.. now.Zip(before, (n, b) => YearFigure.Of(n, b))]);

    /// <summary>Every centre or role either year knows; a reader counts once per year, however many issues they opened.</summary>
    private static AnnualTable Groups(string name, string title, IReadOnlyList<GroupFigures> year, IReadOnlyList<GroupFigures> last)
    {
        static long[] Of(GroupFigures? g) => g is null ? [0, 0, 0, 0] : [g.Sent, g.UniqueOpens, g.Clicks, g.Unsubscribed];
        var rows = year.Select(g => g.Id).Union(last.Select(g => g.Id)).Select(id =>
        {
            var now = year.FirstOrDefault(g => g.Id == id);
            var before = last.FirstOrDefault(g => g.Id == id);
            return Compare(id, (now ?? before)!.Label, Of(now), Of(before));
        });
        return new(name, title, Measures, [.. rows]);
    }
}
