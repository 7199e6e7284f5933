using PocMaterials.Reach.Reports;

namespace PocMaterials.Reach.Tests;

/// <summary>Report input a hostile caller or a hostile search can give.</summary>
public sealed class HostileReportFormatTests
{
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klik\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\"")]
    [InlineData("+32 9 123", "\"'+32 9 123\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("gewone vraag = 1", "gewone vraag = 1")]
    public void Text_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_a_single_quote(string text, string field)
    {
        var csv = Csv.Write(["query", "searches"], [[text, 3]]);

        Assert.Equal($"query,searches\r\n{field},3\r\n", csv);
    }

    [Fact]
    public void Numbers_and_dates_are_not_escaped()
    {
        var csv = Csv.Write(["a", "b", "c", "d"], [[-3, -1.5, new DateOnly(2025, 1, 2), null]]);

        Assert.Equal("a,b,c,d\r\n-3,-1.5,2025-01-02,\r\n", csv);
    }

    [Theory]
    [InlineData(null, "9999-12-31", "to")]
    [InlineData("0001-01-01", "2025-01-01", "from")]
    [InlineData("1999-12-31", "2000-01-01", "from")]
    [InlineData("2999-12-31", "3000-01-01", "to")]
    [InlineData("2015-09-01", "2025-09-01", "to")]
    [InlineData("2010-09-01", null, "from")]
    [InlineData(null, "2037-08-31", "to")]
    public void Periods_beyond_the_calendar_or_longer_than_ten_years_are_errors_naming_the_parameter(
        string? from, string? to, string parameter)
    {
        var (period, errors) = ReportPeriod.Parse(from, to, new DateOnly(2026, 11, 24));

        Assert.Null(period);
        var error = Assert.Single(errors);
        Assert.Equal(parameter, error.Parameter);
    }

    [Fact]
    public void A_period_of_exactly_ten_years_is_accepted()
    {
        var (period, errors) = ReportPeriod.Parse("2016-09-01", "2026-08-31", new DateOnly(2026, 11, 24));

        Assert.Empty(errors);
        Assert.Equal(120, period!.Months().Count());
        var calendar = new Content.Visibility.StaffCalendar(TimeProvider.System);
        Assert.True(period.EndIn(calendar) > period.StartIn(calendar));
    }
}
