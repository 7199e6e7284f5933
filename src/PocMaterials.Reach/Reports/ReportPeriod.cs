using System.Globalization;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Reach.Reports;

/// <summary>A report period of whole days in Europe/Brussels, both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset Start => StartOf(From);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset End => StartOf(To.AddDays(1));

    /// <summary>The school year (1 September to 31 August) that contains the day.</summary>
    public static ReportPeriod SchoolYearOf(DateOnly day)
    {
        var startYear = day.Month >= 9 ? day.Year : day.Year - 1;
        return new ReportPeriod(new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));
    }

    /// <summary>Reads from/to (YYYY-MM-DD); either may be left out, defaulting to the current school year's end.</summary>
    /// <returns>The period, or the errors per parameter.</returns>
    public static (ReportPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var schoolYear = SchoolYearOf(today);
        var start = ParseDay("from", from, schoolYear.From, errors);
        var end = ParseDay("to", to, schoolYear.To, errors);
        if (errors.Count == 0 && end < start)
            errors["to"] = [$"'to' ({end:yyyy-MM-dd}) is before 'from' ({start:yyyy-MM-dd})."];
        return errors.Count == 0 ? (new ReportPeriod(start, end), errors) : (null, errors);
    }

    /// <summary>The months the period touches, as their first days.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
            yield return month;
    }

    private static DateOnly ParseDay(string name, string? text, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors[name] = [$"'{text}' is not a date of the form YYYY-MM-DD."];
        return fallback;
    }

    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, BrusselsCalendar.Zone), TimeSpan.Zero);
    }
}
