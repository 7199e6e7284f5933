using System.Globalization;
using System.Net;
using System.Text;

namespace PocMaterials.Reach.Reports;

/// <summary>Views per month of the top materials of a period as an SVG grouped bar chart, for the annual report.</summary>
public static class ViewsChart
{
    private static readonly string[] Colours =
        ["#1b6ca8", "#e07a1f", "#3a9e5c", "#c2413b", "#7d5ba6", "#8c6d31", "#d264a6", "#5f6b73", "#b5b82b", "#21a3b3"];
    private const int Width = 960;
    private const int PlotTop = 50;
    private const int PlotHeight = 300;
    private const int PlotLeft = 60;

    public static string Render(MaterialViewsReport report, int top)
    {
        var materials = report.Materials.Where(m => m.Views > 0).Take(Math.Min(top, Colours.Length)).ToList();
        var months = new ReportPeriod(report.From, report.To).Months().ToList();
        var max = Math.Max(1, materials.SelectMany(m => m.Months).Select(m => m.Views).DefaultIfEmpty(0).Max());
        var plotWidth = Width - PlotLeft - 20;
        var groupWidth = (double)plotWidth / Math.Max(1, months.Count);
        var barWidth = Math.Max(1, (groupWidth - 8) / Math.Max(1, materials.Count));
        var legendTop = PlotTop + PlotHeight + 40;
        var height = legendTop + (materials.Count * 18) + 20;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" """);
        svg.Append(CultureInfo.InvariantCulture, $"""viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""<title>Weergaven per maand {report.From:yyyy-MM-dd} tot {report.To:yyyy-MM-dd}</title>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{PlotLeft}" y="24" font-size="16" font-weight="bold">""");
        svg.Append(CultureInfo.InvariantCulture,
            $"""Weergaven per maand, top {materials.Count} materialen ({report.From:dd-MM-yyyy} – {report.To:dd-MM-yyyy})</text>""");
        for (var step = 0; step <= 4; step++)
        {
            var value = max * step / 4.0;
            var y = PlotTop + PlotHeight - (PlotHeight * step / 4.0);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{PlotLeft}" y1="{y:F1}" x2="{Width - 20}" y2="{y:F1}" stroke="#ddd"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{PlotLeft - 6}" y="{y + 4:F1}" text-anchor="end">{value:0}</text>""");
        }
        for (var i = 0; i < months.Count; i++)
        {
            var x = PlotLeft + (i * groupWidth) + 4;
            for (var j = 0; j < materials.Count; j++)
            {
                var views = materials[j].Months.FirstOrDefault(m => m.Month == months[i])?.Views ?? 0;
                var barHeight = PlotHeight * views / (double)max;
                svg.Append(CultureInfo.InvariantCulture,
                    $"""<rect x="{x + (j * barWidth):F1}" y="{PlotTop + PlotHeight - barHeight:F1}" """);
                svg.Append(CultureInfo.InvariantCulture, $"""width="{barWidth:F1}" height="{barHeight:F1}" fill="{Colours[j]}">""");
                svg.Append(CultureInfo.InvariantCulture, $"""<title>{Escape(materials[j].Title)}: {views}</title></rect>""");
            }
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{x + ((groupWidth - 8) / 2):F1}" y="{PlotTop + PlotHeight + 16}" text-anchor="middle">""");
            svg.Append(CultureInfo.InvariantCulture, $"""{months[i]:MM/yy}</text>""");
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"""<line x1="{PlotLeft}" y1="{PlotTop + PlotHeight}" x2="{Width - 20}" y2="{PlotTop + PlotHeight}" stroke="#333"/>""");
        for (var j = 0; j < materials.Count; j++)
        {
            var y = legendTop + (j * 18);
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{PlotLeft}" y="{y - 10}" width="12" height="12" fill="{Colours[j]}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{PlotLeft + 18}" y="{y}">{Escape(materials[j].Title)} ({materials[j].Views})</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
