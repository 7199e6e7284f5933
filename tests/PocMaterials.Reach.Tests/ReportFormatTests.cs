using System.Xml.Linq;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Reach.Tests;

public sealed class ReportFormatTests
{
    [Fact]
    public void Csv_quotes_what_must_be_quoted()
    {
        var csv = Csv.Write(["slug", "title", "views"], [["a", "FAQ, \"leersteun\"", 3], ["b", "regel\nbreuk", 1.5]]);

        Assert.Equal("slug,title,views\r\na,\"FAQ, \"\"leersteun\"\"\",3\r\nb,\"regel\nbreuk\",1.5\r\n", csv);
    }

    [Theory]
    [InlineData("2025-13-01", null, "from")]
    [InlineData(null, "morgen", "to")]
    [InlineData("2025-06-01", "2025-05-01", "to")]
    public void Malformed_or_reversed_periods_are_errors(string? from, string? to, string parameter)
    {
        var (period, errors) = ReportPeriod.Parse(from, to, new DateOnly(2026, 11, 24));

        Assert.Null(period);
        Assert.Equal(parameter, Assert.Single(errors).Parameter);
    }

    [Fact]
    public void The_chart_is_valid_svg_with_a_bar_per_material_and_month()
    {
        var report = new MaterialViewsReport(new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 30),
        [
            new MaterialReach("a", "FAQ <leersteun>", 5, 3, [new(new DateOnly(2024, 9, 1), 2, 2), new(new DateOnly(2024, 11, 1), 3, 2)]),
            new MaterialReach("b", "Fiche", 1, 1, [new(new DateOnly(2024, 10, 1), 1, 1)]),
        ]);

        var svg = XDocument.Parse(ViewsChart.Render(report, 5));

        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var bars = svg.Descendants(ns + "rect").Where(r => r.Element(ns + "title") is not null).ToList();
        Assert.Equal(2 * 3, bars.Count);
        Assert.Contains(bars, b => b.Element(ns + "title")!.Value == "FAQ <leersteun>: 3");
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value == "11/24");
    }
}
