using System.Globalization;

namespace PocMaterials.Testing;

/// <summary>
/// The helpdesk's working hours as the tests count them, minute by minute (their seeded times are whole minutes): Monday to
/// Friday, 08:30 to 17:00 in Brussels, but the Belgian public holidays of the years the tests seed, written out here rather
/// than computed as the product does.
/// </summary>
public static class HelpdeskWorkingHours
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    private static readonly HashSet<DateOnly> Holidays =
    [
        .. new[]
        {
            "2024-11-01", "2024-11-11", "2024-12-25",
            "2025-01-01", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-07-21", "2025-08-15", "2025-11-01",
            "2025-11-11", "2025-12-25",
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25", "2026-07-21", "2026-08-15", "2026-11-01",
            "2026-11-11", "2026-12-25",
            "2030-11-01", "2030-11-11", "2030-12-25",
            "2031-01-01", "2031-04-14", "2031-05-01", "2031-05-22", "2031-06-02", "2031-07-21", "2031-08-15", "2031-11-01",
            "2031-11-11", "2031-12-25",
            "2032-01-01", "2032-03-29", "2032-05-01", "2032-05-06", "2032-05-17", "2032-07-21", "2032-08-15", "2032-11-01",
            "2032-11-11", "2032-12-25",
        }.Select(day => DateOnly.Parse(day, CultureInfo.InvariantCulture)),
    ];

    public static double Between(DateTimeOffset from, DateTimeOffset to)
    {
        var (open, close) = (new TimeOnly(8, 30), new TimeOnly(17, 0));
        var minutes = 0;
        for (var at = from; at < to; at = at.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTime(at, Brussels).DateTime;
            var time = TimeOnly.FromDateTime(local);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(DateOnly.FromDateTime(local))
                && time >= open && time < close)
                minutes++;
        }
        return minutes / 60.0;
    }
}
