using System.ComponentModel.DataAnnotations;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Jobs;

namespace PocMaterials.Newsletter.Tests.Jobs;

/// <summary>Working days as the compose schedule counts them: no weekends, Belgian public holidays or school holidays.</summary>
public sealed class ComposeScheduleTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest Easter can be
    [InlineData(2285, 3, 22)] // the earliest
    public void Easter_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), BelgianPublicHolidays.Easter(year));

    [Fact]
    public void Belgium_has_ten_public_holidays_three_of_them_after_Easter()
    {
        Assert.Equal(
            ["01-01", "03-29", "05-01", "05-06", "05-17", "07-21", "08-15", "11-01", "11-11", "12-25"],
            BelgianPublicHolidays.Of(2027).Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2027-01", "2027-01-04")] // New Year's Day is a Friday, then a weekend
    [InlineData("2026-05", "2026-05-04")] // Labour Day is a Friday
    [InlineData("2026-04", "2026-04-01")]
    [InlineData("2027-11", "2027-11-02")] // All Saints' Day is a Monday
    [InlineData("2026-08", "2026-08-03")]
    public void The_first_working_day_skips_weekends_and_public_holidays(string month, string expected) =>
        Assert.Equal(Day(expected), DayOf(Schedule().For(Month(month))));

    [Fact]
    public void School_holidays_are_no_working_days_and_a_month_without_enough_working_days_has_no_compose_day()
    {
        var schedule = Schedule(
            composeWorkingDay: 1, new SchoolHoliday { From = Day("2027-01-04"), To = Day("2027-01-08") },
            new SchoolHoliday { From = Day("2027-07-01"), To = Day("2027-08-31") });

        Assert.Equal(Day("2027-01-11"), DayOf(schedule.For(Month("2027-01"))));
        Assert.Null(schedule.For(Month("2027-07")));
        Assert.Null(schedule.For(Month("2027-08")));
        Assert.Equal(Day("2027-09-01"), DayOf(schedule.For(Month("2027-09"))));
        Assert.Equal(Day("2027-01-13"), DayOf(Schedule(3, new SchoolHoliday { From = Day("2027-01-04"), To = Day("2027-01-08") })
            .For(Month("2027-01"))));
    }

    [Fact]
    public void The_compose_moment_is_the_compose_time_in_Brussels_in_winter_and_in_summer()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 6, 0, 0, TimeSpan.Zero), Schedule().For(Month("2027-01")));
        Assert.Equal(new DateTimeOffset(2027, 6, 1, 5, 0, 0, TimeSpan.Zero), Schedule().For(Month("2027-06")));
        Assert.Equal("0 7 * * *", Schedule().DailyCron);
    }

    [Fact]
    public void School_holidays_that_cannot_be_right_and_the_old_cron_setting_are_refused_at_start()
    {
        var options = new NewsletterOptions
        {
            ComposeCron = "0 7 1W * *",
            SchoolHolidays =
            [
                new SchoolHoliday { From = Day("2027-01-08"), To = Day("2027-01-04") },
                new SchoolHoliday { From = Day("2027-07-01"), To = Day("2028-08-31") },
                new SchoolHoliday { From = Day("2027-02-15") },
                new SchoolHoliday { From = Day("2027-02-15"), To = Day("2027-02-19") },
            ],
        };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));

        Assert.Equal(
            ["ComposeCron", "Newsletter:SchoolHolidays:0", "Newsletter:SchoolHolidays:1", "Newsletter:SchoolHolidays:2"],
            errors.Select(e => e.MemberNames.Single()));
        Assert.Contains("Newsletter:ComposeWorkingDay", errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    private static ComposeSchedule Schedule(int composeWorkingDay = 1, params SchoolHoliday[] holidays) => new(
        Microsoft.Extensions.Options.Options.Create(new NewsletterOptions
        {
            ComposeWorkingDay = composeWorkingDay,
            SchoolHolidays = [.. holidays],
        }),
        new StaffCalendar(TimeProvider.System));

    private static DateOnly? DayOf(DateTimeOffset? moment) =>
        moment is { } m ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m, StaffCalendar.Brussels).DateTime) : null;

    private static DateOnly Day(string day) => DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly Month(string month) => Day(month + "-01");
}
