using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Jobs;

namespace PocMaterials.Helpdesk.Questions;

/// <summary>
/// The helpdesk's working hours between two instants: Monday to Friday but Belgian public holidays, from
/// <see cref="HelpdeskOptions.WorkdayStart"/> to <see cref="HelpdeskOptions.WorkdayEnd"/> in the staff's zone. A question
/// asked on Friday evening and answered on Monday at 10:00 took one and a half working hours, not sixty-two: what POC+
/// can act on when it reports how long answers take.
/// </summary>
public sealed class WorkingHours(StaffCalendar calendar, IOptions<HelpdeskOptions> options)
{
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _holidays = new();

    public double Between(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (options.Value.WorkdayStart, options.Value.WorkdayEnd);
        var worked = TimeSpan.Zero;
        for (var day = DayOf(from); day <= DayOf(to); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
                || _holidays.GetOrAdd(day.Year, year => [.. BelgianPublicHolidays.Of(year)]).Contains(day))
                continue;
            var open = Max(At(day, start), from);
            var close = Min(At(day, end), to);
            if (close > open)
                worked += close - open;
        }
        return worked.TotalHours;
    }

    /// <summary>How long the first answers took in working hours: how many, their median and mean.</summary>
    public AnswerTimes Of(IEnumerable<(DateTimeOffset Asked, DateTimeOffset FirstAnswered)> answered) =>
        AnswerTimes.Of(answered.Select(a => Between(a.Asked, a.FirstAnswered)));

    private DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, calendar.Zone).DateTime);

    private DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), calendar.Zone), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
