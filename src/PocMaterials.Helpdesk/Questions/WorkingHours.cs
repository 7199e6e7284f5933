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
    public double Between(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = (options.Value.WorkdayStart, options.Value.WorkdayEnd);
        var worked = TimeSpan.Zero;
        for (var day = calendar.DayOf(from); day <= calendar.DayOf(to); day = day.AddDays(1))
        {
            if (!BelgianPublicHolidays.IsWorkingWeekday(day))
                continue;
            var open = Max(calendar.At(day, start), from);
            var close = Min(calendar.At(day, end), to);
            if (close > open)
                worked += close - open;
        }
        return worked.TotalHours;
    }

    /// <summary>How long the first answers took in working hours: how many, their median and mean.</summary>
    public AnswerTimes Of(IEnumerable<(DateTimeOffset Asked, DateTimeOffset FirstAnswered)> answered) =>
        AnswerTimes.Of(answered.Select(a => Between(a.Asked, a.FirstAnswered)));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
