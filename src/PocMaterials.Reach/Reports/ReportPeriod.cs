using System.Globalization;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Reach.Reports;

/// <summary>A report period of whole days in the staff calendar's zone, both ends included.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The longest period a report covers: reports and charts grow with its months.</summary>
    public const int MaxYears = 10;

    /// <summary>
    /// The days a report may name: every day reach was or will be tracked, far from the ends of DateOnly,
    /// where the period's first and last instants would overflow.
    /// </summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <inheritdoc cref="FirstDay"/>
    public static readonly DateOnly LastDay = new(2999, 12, 31);

    /// <summary>The first instant of the period.</summary>
    public DateTimeOffset StartIn(StaffCalendar calendar) => calendar.StartOf(From);

    /// <summary>The first instant after the period.</summary>
    public DateTimeOffset EndIn(StaffCalendar calendar) => calendar.StartOf(To.AddDays(1));

    /// <summary>The school year (1 September to 31 August) that contains the day.</summary>
    public static ReportPeriod SchoolYearOf(DateOnly day)
    {
        var startYear = day.Month >= 9 ? day.Year : day.Year - 1;
        return new ReportPeriod(new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));
    }

    /// <summary>
    /// Reads from/to (YYYY-MM-DD); either may be left out, defaulting to the current school year's first or
    /// last day.
    /// </summary>
    /// <returns>The period, or why not, per parameter (from, to).</returns>
    public static (ReportPeriod? Period, IReadOnlyList<ReportPeriodError> Errors) Parse(string? from, string? to, DateOnly today)
    {
        var errors = new List<ReportPeriodError>();
        var schoolYear = SchoolYearOf(today);
        var start = ParseDay("from", from, schoolYear.From, errors);
        var end = ParseDay("to", to, schoolYear.To, errors);
        if (errors.Count > 0)
            return (null, errors);
        // Blame the end the caller gave; the other one is a default.
        var given = string.IsNullOrWhiteSpace(to) ? "from" : "to";
        if (end < start)
            errors.Add(new(given, $"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})."));
        else if (end >= start.AddYears(MaxYears))
            errors.Add(new(given, $"The period {start:yyyy-MM-dd} to {end:yyyy-MM-dd} is longer than {MaxYears} years; "
                + $"it may end on {start.AddYears(MaxYears).AddDays(-1):yyyy-MM-dd} at the latest."));
        return errors.Count == 0 ? (new ReportPeriod(start, end), errors) : (null, errors);
    }

    /// <summary>The months the period touches, as their first days.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = new DateOnly(From.Year, From.Month, 1); month <= To; month = month.AddMonths(1))
            yield return month;
    }

    private static DateOnly ParseDay(string name, string? text, DateOnly fallback, List<ReportPeriodError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            errors.Add(new(name, $"'{text}' is not a date of the form YYYY-MM-DD."));
        else if (day < FirstDay || day > LastDay)
            errors.Add(new(name, $"{day:yyyy-MM-dd} is outside the days reports cover, {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}."));
        return day;
    }
}

/// <summary>Why a report period is not valid: the parameter (from or to) and the reason.</summary>
public sealed record ReportPeriodError(string Parameter, string Message);
