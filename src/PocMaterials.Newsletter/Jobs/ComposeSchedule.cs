using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// When the issue of a month is composed: on its <see cref="NewsletterOptions.ComposeWorkingDay"/>th working day, at
/// <see cref="NewsletterOptions.ComposeTime"/> in the staff's time zone. A working day is a weekday that is neither a
/// Belgian public holiday nor in one of the configured <see cref="NewsletterOptions.SchoolHolidays"/>.
/// </summary>
public sealed class ComposeSchedule(IOptions<NewsletterOptions> options, StaffCalendar calendar)
{
    /// <summary>The Hangfire schedule of the compose job: every day at the compose time; the job decides whether it is due.</summary>
    public string DailyCron => $"{options.Value.ComposeTime.Minute} {options.Value.ComposeTime.Hour} * * *";

    public bool IsWorkingDay(DateOnly day) =>
        BelgianPublicHolidays.IsWorkingWeekday(day)
        && !options.Value.SchoolHolidays.Any(holiday => holiday.From <= day && day <= holiday.To);

    /// <returns>The month's compose moment, or null when the month has fewer working days than the schedule counts.</returns>
    public DateTimeOffset? For(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var day = Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month))
            .Select(first.AddDays)
            .Where(IsWorkingDay)
            .Skip(options.Value.ComposeWorkingDay - 1)
            .Cast<DateOnly?>()
            .FirstOrDefault();
        if (day is not { } composeDay)
            return null;
        return calendar.At(composeDay, options.Value.ComposeTime);
    }
}
