using System.Globalization;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>The school-year report's tables of reach, from Reach's reports of both years: months, centres, roles, materials.</summary>
internal static class AnnualReachTables
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    /// <summary>Every month of the school year: its views beside the same month's a year earlier.</summary>
    public static AnnualTable Months(ReportPeriod year, MaterialViewsReport now, MaterialViewsReport before)
    {
        static Dictionary<DateOnly, long> ByMonth(MaterialViewsReport report) => report.Materials.SelectMany(m => m.Months)
            .GroupBy(m => m.Month).ToDictionary(g => g.Key, g => g.Sum(m => (long)m.Views));
        var current = ByMonth(now);
        var previous = ByMonth(before);
        return new("views-by-month", "Weergaven per maand", ["weergaven"], [.. year.Months().Select(m =>
            new AnnualRow(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", Dutch),
                [YearFigure.Of(current.GetValueOrDefault(m), previous.GetValueOrDefault(m.AddYears(-1)))]))])
        {
            Chart = new(AnnualChartKind.Columns, 0, "Weergaven per maand"),
        };
    }

    /// <summary>Views and unique staff per centre, and the share of its staff reached where taxonomy.yml gives their number.</summary>
    public static AnnualTable Centres(ReachReport year, ReachReport last, MaterialTaxonomy taxonomy)
    {
        var table = Reach("centres", "Bereik per centrum", year, last);
        return table with
        {
            Rows = [.. table.Rows.Select(r => r with { Notes = [StaffShare(r.Figures[1].Current, taxonomy.Centres.Find(r.Id)?.Staff)] })],
            NoteHeaders = ["deel van de medewerkers"],
            Chart = new(AnnualChartKind.Bars, 1, "Unieke medewerkers per centrum"),
        };
    }

    public static AnnualTable Roles(ReachReport year, ReachReport last) => Reach("roles", "Bereik per rol", year, last);

    /// <summary>
    /// "bereikt: 312 van 420 (74 %)", the percent sign held to its number (a no-break space); nothing for a centre whose staff
    /// are not counted (no 0 %, no guess).
    /// </summary>
    public static string StaffShare(decimal? reached, int? staff) => staff is not { } all || reached is not { } count ? ""
        : string.Format(Dutch, "bereikt: {0:N0} van {1:N0} ({2:N0}\u00a0%)", count, all,
            Math.Round(100 * count / all, MidpointRounding.AwayFromZero));

    public static AnnualTable TopMaterials(MaterialViewsReport now, MaterialViewsReport last, int top)
    {
        var before = last.Materials.ToDictionary(m => m.Slug);
        return new("top-materials", "Meest bekeken materialen", ["weergaven", "unieke medewerkers"], [.. now.Materials.Take(top)
            .Select(m => new AnnualRow(m.Slug, m.Title,
            [
                YearFigure.Of(m.Views, before.GetValueOrDefault(m.Slug)?.Views ?? 0),
                YearFigure.Of(m.UniqueViewers, before.GetValueOrDefault(m.Slug)?.UniqueViewers ?? 0),
            ]))]);
    }

    private static AnnualTable Reach(string name, string title, ReachReport year, ReachReport last) =>
        new(name, title, ["weergaven", "unieke medewerkers"], [.. year.Groups.Select(g =>
        {
            var before = last.Groups.FirstOrDefault(l => l.Id == g.Id);
            return new AnnualRow(g.Id, g.Label,
                [YearFigure.Of(g.Views, before?.Views ?? 0), YearFigure.Of(g.UniqueViewers, before?.UniqueViewers ?? 0)]);
        })]);
}
