using System.Globalization;
using System.Net;
using System.Text;

namespace PocMaterials.Web.Reports;

/// <summary>
/// A table's chart as SVG, for the page and the PDF alike: each row's figure of this school year beside the previous
/// one's, as upright columns (months) or lying bars (centres, whose names are long). Named by its title and described
/// (highest figure) for screen readers; the table under it is its text equivalent.
/// </summary>
internal static class AnnualChartSvg
{
    private const string Current = "#0b4f8a";
    private const string Previous = "#c2410c";
    private const int Width = 960;
    private const int Top = 44;
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static string Render(AnnualReport report, AnnualTable table, AnnualChart chart)
    {
        var id = "grafiek-" + table.Name;
        // Charts are drawn of counts, which are whole and never missing.
        var values = table.Rows.Select(r => (r.Label, (long)(r.Figures[chart.Measure].Current ?? 0),
            (long)(r.Figures[chart.Measure].Previous ?? 0))).ToList();
        var (height, body) = chart.Kind == AnnualChartKind.Columns ? Columns(values) : Bars(values);
        var svg = new StringBuilder();
        // No width or height: the chart takes the width it is given (the page's, the A4 page's) and keeps its proportions.
        svg.Append(Invariant($"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {height}" role="img" """))
            .Append(Invariant($"""aria-labelledby="{id}-titel {id}-uitleg" font-family="system-ui, sans-serif" font-size="13">"""))
            .Append(Invariant($"""<title id="{id}-titel">{Text(chart.Title)}</title>"""))
            .Append(Invariant($"""<desc id="{id}-uitleg">{Text(Description(report, chart, values))}</desc>"""));
        Legend(svg, report);
        return svg.Append(body).Append("</svg>").ToString();
    }

    private static string Description(AnnualReport report, AnnualChart chart, List<(string Label, long Current, long Previous)> values)
    {
        var text = $"{chart.Title}: schooljaar {report.SchoolYear} naast {report.PreviousSchoolYear}.";
        var highest = values.OrderByDescending(v => v.Current).FirstOrDefault();
        return highest.Current > 0
            ? $"{text} Het hoogst dit schooljaar: {highest.Label} met {Number(highest.Current)}. De cijfers staan in de tabel eronder."
            : $"{text} Dit schooljaar nog niets. De cijfers staan in de tabel eronder.";
    }

    private static void Legend(StringBuilder svg, AnnualReport report)
    {
        foreach (var (year, colour, x) in new[] { (report.SchoolYear, Current, 0), (report.PreviousSchoolYear, Previous, 150) })
        {
            svg.Append(Invariant($"""<rect x="{x}" y="8" width="14" height="14" fill="{colour}"/>"""))
                .Append(Invariant($"""<text x="{x + 20}" y="20">{year}</text>"""));
        }
    }

    /// <summary>Upright pairs of columns in the rows' order, each row's label under its pair on two lines ("september" "2031").</summary>
    private static (int Height, string Body) Columns(List<(string Label, long Current, long Previous)> values)
    {
        const int left = 64, plotHeight = 240;
        var scale = Scale(values);
        var group = (Width - left - 8) / (double)Math.Max(1, values.Count);
        var bar = Math.Max(2, (group - 10) / 2);
        var svg = new StringBuilder();
        Grid(svg, scale, step => (left, Width - 8, Top + plotHeight - (plotHeight * step / 4.0)));
        for (var i = 0; i < values.Count; i++)
        {
            var (label, current, previous) = values[i];
            var x = left + (i * group) + 5;
            foreach (var (value, colour, offset, year) in new[] { (current, Current, 0.0, "dit"), (previous, Previous, bar, "vorig") })
            {
                var h = plotHeight * value / scale;
                svg.Append(Invariant($"""<rect x="{x + offset:F1}" y="{Top + plotHeight - h:F1}" width="{bar:F1}" height="{h:F1}" """))
                    .Append(Invariant($"""fill="{colour}"><title>{Text(label)}, {year} schooljaar: {Number(value)}</title></rect>"""));
            }
            var split = label.LastIndexOf(' ');
            var (first, second) = split < 0 ? (label, "") : (label[..split], label[(split + 1)..]);
            svg.Append(Invariant($"""<text x="{x + bar:F1}" y="{Top + plotHeight + 18}" text-anchor="middle">{Text(first)}"""))
                .Append(Invariant($"""<tspan x="{x + bar:F1}" dy="16">{Text(second)}</tspan></text>"""));
        }
        return (Top + plotHeight + 44, svg.ToString());
    }

    /// <summary>Lying pairs of bars, one pair a row with its label before it and both figures after the bars.</summary>
    private static (int Height, string Body) Bars(List<(string Label, long Current, long Previous)> values)
    {
        const int left = 280, right = 90, row = 30;
        var scale = Scale(values);
        var plotWidth = Width - left - right;
        var bottom = Top + (values.Count * row);
        var svg = new StringBuilder();
        Grid(svg, scale, step => (left + (plotWidth * step / 4.0), left + (plotWidth * step / 4.0), bottom));
        for (var i = 0; i < values.Count; i++)
        {
            var (label, current, previous) = values[i];
            var y = Top + (i * row) + 3;
            svg.Append(Invariant($"""<text x="{left - 8}" y="{y + 16}" text-anchor="end">{Text(label)}</text>"""));
            foreach (var (value, colour, offset, year) in new[] { (current, Current, 0, "dit"), (previous, Previous, 12, "vorig") })
            {
                var w = plotWidth * value / scale;
                svg.Append(Invariant($"""<rect x="{left}" y="{y + offset}" width="{w:F1}" height="11" fill="{colour}">"""))
                    .Append(Invariant($"""<title>{Text(label)}, {year} schooljaar: {Number(value)}</title></rect>"""))
                    .Append(Invariant($"""<text x="{left + w + 6:F1}" y="{y + offset + 10}" font-size="11">{Number(value)}</text>"""));
            }
        }
        return (bottom + 26, svg.ToString());
    }

    /// <summary>Four grid lines with their figures: at (x, y) of the figure's end of each step, for columns or bars.</summary>
    private static void Grid(StringBuilder svg, long scale, Func<int, (double X1, double X2, double Y)> at)
    {
        for (var step = 0; step <= 4; step++)
        {
            var (x1, x2, y) = at(step);
            var horizontal = x1 != x2;
            var line = horizontal
                ? Invariant($"""<line x1="{x1:F1}" y1="{y:F1}" x2="{x2:F1}" y2="{y:F1}" stroke="#d5dae1"/>""")
                : Invariant($"""<line x1="{x1:F1}" y1="{Top - 4}" x2="{x1:F1}" y2="{y:F1}" stroke="#d5dae1"/>""");
            var figure = horizontal
                ? Invariant($"""<text x="{x1 - 6:F1}" y="{y + 4:F1}" text-anchor="end">{Number(scale * step / 4)}</text>""")
                : Invariant($"""<text x="{x1:F1}" y="{y + 18:F1}" text-anchor="middle">{Number(scale * step / 4)}</text>""");
            svg.Append(line).Append(figure);
        }
    }

    /// <summary>The axis' end: the highest figure rounded up to a round number whose quarters are whole (120: 30, 60, 90).</summary>
    private static long Scale(List<(string Label, long Current, long Previous)> values)
    {
        var max = Math.Max(4, values.Select(v => Math.Max(v.Current, v.Previous)).DefaultIfEmpty(0).Max());
        for (long power = 1; ; power *= 10)
        {
            foreach (var end in new long[] { 4, 8, 12, 16, 20, 24, 32, 40, 60, 80 })
            {
                if (end * power >= max)
                    return end * power;
            }
        }
    }

    private static string Number(long value) => value.ToString("N0", Dutch);

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
