using System.Globalization;
using System.Text.RegularExpressions;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>
/// A figure of the school year beside the previous school year's, and the change (this year minus last): a count, or a
/// mean or median rounded to one decimal; null where a year has none to give (no scores to take a mean of), and then no change.
/// </summary>
public sealed record YearFigure(decimal? Current, decimal? Previous, decimal? Change)
{
    public static YearFigure Of(decimal? current, decimal? previous) => new(current, previous, current - previous);
}

/// <summary>One row of a table: what it counts (a theme, centre, query, ...) and its figures, in the order of its measures.</summary>
public sealed record AnnualRow(string Id, string Label, IReadOnlyList<YearFigure> Figures)
{
    /// <summary>Texts beside the figures, one for each of the table's <see cref="AnnualTable.NoteHeaders"/> ("" for none).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One table of the report, by its stable <paramref name="Name"/> (the CSV's table parameter), with a Dutch title.</summary>
public sealed record AnnualTable(string Name, string Title, IReadOnlyList<string> Measures, IReadOnlyList<AnnualRow> Rows)
{
    /// <summary>The Dutch headers of the rows' notes: what is said of a row that is no figure of both years.</summary>
    public IReadOnlyList<string> NoteHeaders { get; init; } = [];

    /// <summary>The chart drawn of the table, which is its text equivalent; null for none.</summary>
    public AnnualChart? Chart { get; init; }
}

/// <summary>Columns: upright bars in the rows' order (months); Bars: lying bars, one a row (centres with long names).</summary>
public enum AnnualChartKind
{
    Columns,
    Bars,
}

/// <summary>A chart of one measure of a table, this school year's bar beside the previous one's for each row.</summary>
/// <param name="Title">What the chart shows, in Dutch; the chart's own description adds its highest figure.</param>
public sealed record AnnualChart(AnnualChartKind Kind, int Measure, string Title);

/// <summary>
/// What the platform knows that POC+'s annual report states, for one school year (1 September to 31 August) beside the
/// previous one. Pseudonymous: staff are only counted, never named.
/// </summary>
public sealed record AnnualReport(
    string SchoolYear,
    DateOnly From,
    DateOnly To,
    string PreviousSchoolYear,
    IReadOnlyList<AnnualTable> Tables,
    IReadOnlyList<string> CentresNotReached,
    IReadOnlyList<string> RolesNotReached);

/// <summary>A school year written as 2025-2026: the first year and the next one.</summary>
public static partial class SchoolYear
{
    /// <summary>Reads "2025-2026" within the days reports cover; null when it is no school year.</summary>
    public static ReportPeriod? Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
            return null;
        var first = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (second != first + 1 || first < ReportPeriod.FirstDay.Year || second > ReportPeriod.LastDay.Year)
            return null;
        return ReportPeriod.SchoolYearOf(new DateOnly(first, 9, 1));
    }

    public static string Name(ReportPeriod period) => $"{period.From.Year}-{period.To.Year}";

    /// <summary>The school year before.</summary>
    public static ReportPeriod Previous(ReportPeriod period) => new(period.From.AddYears(-1), period.To.AddYears(-1));

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{4})$")]
    private static partial Regex Pattern();
}
