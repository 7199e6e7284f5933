using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Tests.Questions;

/// <summary>Answer times in the helpdesk's working hours: weekdays 08:30 to 17:00 in Brussels, but Belgian public holidays.</summary>
public sealed class WorkingHoursTests
{
    private static readonly WorkingHours Hours = new(new StaffCalendar(TimeProvider.System), Options.Create(new HelpdeskOptions()));

    /// <summary>An instant given in Brussels' local time of that day.</summary>
    private static DateTimeOffset Brussels(int year, int month, int day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, minute, 0), StaffCalendar.Brussels), TimeSpan.Zero);

    [Theory]
    // Within one working day.
    [InlineData(2026, 10, 6, 9, 0, 2026, 10, 6, 12, 0, 3)]
    // Friday evening to Monday 10:00: the weekend and the evening do not count.
    [InlineData(2026, 10, 2, 19, 0, 2026, 10, 5, 10, 0, 1.5)]
    // Friday 16:00 to Tuesday 09:30 over Easter Monday 2026 (6 April).
    [InlineData(2026, 4, 3, 16, 0, 2026, 4, 7, 9, 30, 2)]
    // Over the night summer time begins (29 March 2026): local hours, not an hour less.
    [InlineData(2026, 3, 27, 16, 0, 2026, 3, 30, 9, 30, 2)]
    // Asked before the day starts, answered after it ends: the whole day.
    [InlineData(2026, 10, 6, 7, 0, 2026, 10, 6, 20, 0, 8.5)]
    // Both on a Sunday.
    [InlineData(2026, 10, 4, 10, 0, 2026, 10, 4, 15, 0, 0)]
    public void Counts_only_the_hours_of_working_days(
        int y1, int m1, int d1, int h1, int min1, int y2, int m2, int d2, int h2, int min2, double expected)
    {
        Assert.Equal(expected, Hours.Between(Brussels(y1, m1, d1, h1, min1), Brussels(y2, m2, d2, h2, min2)), 9);
    }

    [Fact]
    public void An_answer_recorded_before_its_question_counts_no_time()
    {
        Assert.Equal(0, Hours.Between(Brussels(2026, 10, 6, 12), Brussels(2026, 10, 6, 10)));
    }

    [Fact]
    public void The_median_of_an_even_number_of_answers_lies_between_the_middle_two()
    {
        var times = Hours.Of([
            (Brussels(2026, 10, 6, 9), Brussels(2026, 10, 6, 10)),
            (Brussels(2026, 10, 6, 9), Brussels(2026, 10, 6, 12)),
            (Brussels(2026, 10, 6, 9), Brussels(2026, 10, 6, 13)),
            (Brussels(2026, 10, 2, 16), Brussels(2026, 10, 5, 16)),
        ]);

        Assert.Equal(new AnswerTimes(4, 3.5, (1 + 3 + 4 + 8.5) / 4), times);
    }

    [Fact]
    public void A_working_day_that_ends_before_it_starts_is_refused_at_start()
    {
        var options = new HelpdeskOptions { WorkdayStart = new TimeOnly(17, 0), WorkdayEnd = new TimeOnly(8, 30) };

        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(HelpdeskOptions.WorkdayEnd)));
    }
}
