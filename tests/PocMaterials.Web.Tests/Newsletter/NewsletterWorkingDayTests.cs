using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The monthly compose job on the real host, its clock set: the issue is composed on the month's first working day,
/// which Belgian public holidays and the configured school holidays are not, and a cancel after that day stands.
/// </summary>
public sealed class NewsletterWorkingDayTests : IDisposable
{
    private readonly ContentFolder _folder = ContentFolder.WithFixture();

    public NewsletterWorkingDayTests() =>
        _folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_issue_of_January_2027_is_composed_on_Monday_the_4th_not_on_New_Years_Day()
    {
        var clock = new TestClock(Brussels(2027, 1, 1, 7, 5));
        await using var app = Host(clock);

        var onNewYearsDay = await RunJobAsync(app);
        clock.Now = Brussels(2027, 1, 4, 6, 55);
        var beforeItsTime = await RunJobAsync(app);
        clock.Now = Brussels(2027, 1, 4, 7, 5);
        var composed = await RunJobAsync(app);

        Assert.Equal((null, null), (onNewYearsDay, beforeItsTime));
        var issue = (await app.Services.GetRequiredService<IssueStore>().GetAsync(new DateOnly(2027, 1, 1), CancellationToken.None))!;
        Assert.Equal((composed, IssueStatus.Composed, clock.Now), (issue.Id, issue.Status, issue.ComposedAt));
    }

    [Fact]
    public async Task Configured_school_holidays_move_the_compose_day()
    {
        var clock = new TestClock(Brussels(2027, 1, 4, 7, 5));
        await using var app = Host(clock, new Dictionary<string, string?>
        {
            ["Newsletter:SchoolHolidays:0:From"] = "2026-12-21",
            ["Newsletter:SchoolHolidays:0:To"] = "2027-01-08",
        });

        var inTheHoliday = await RunJobAsync(app);
        clock.Now = Brussels(2027, 1, 11, 7, 5);

        Assert.Null(inTheHoliday);
        Assert.NotNull(await RunJobAsync(app));
        Assert.Equal("0 7 * * *", app.Services.GetRequiredService<ComposeSchedule>().DailyCron);
    }

    [Fact]
    public async Task An_issue_an_editor_cancelled_after_its_compose_day_is_not_composed_again_the_next_day()
    {
        var clock = new TestClock(Brussels(2027, 2, 1, 7, 5));
        await using var app = Host(clock);
        var issues = app.Services.GetRequiredService<IssueStore>();
        var first = (await RunJobAsync(app))!.Value;
        clock.Now = Brussels(2027, 2, 1, 9, 0);
        await issues.TransitionAsync(first, [IssueStatus.Composed], IssueStatus.Cancelled, null, null, CancellationToken.None);

        clock.Now = Brussels(2027, 2, 2, 7, 5);
        var nextDay = await RunJobAsync(app);

        Assert.Null(nextDay);
        Assert.Null(await issues.GetAsync(new DateOnly(2027, 2, 1), CancellationToken.None));
    }

    [Fact]
    public async Task School_holidays_that_cannot_be_right_stop_the_start_and_say_which()
    {
        var failure = await HostStart.FailureAsync(_folder, "Development", new Dictionary<string, string?>
        {
            ["Newsletter:SchoolHolidays:0:From"] = "2027-01-08",
            ["Newsletter:SchoolHolidays:0:To"] = "2027-01-04",
        });

        var error = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains(
            "Newsletter:SchoolHolidays:0 ends (2027-01-04) before it starts (2027-01-08)", error.Message, StringComparison.Ordinal);
    }

    private PocMaterialsApp Host(TestClock clock, IDictionary<string, string?>? settings = null) =>
        new(_folder, settings: settings, services: services => services.AddSingleton<TimeProvider>(clock));

    private static Task<long?> RunJobAsync(PocMaterialsApp app) =>
        app.Services.GetRequiredService<ComposeIssueJob>().RunAsync(CancellationToken.None);

    /// <summary>A moment of a winter day in Brussels (UTC+1), as UTC.</summary>
    private static DateTimeOffset Brussels(int year, int month, int day, int hour, int minute) =>
        TimeZoneInfo.ConvertTime(
            new DateTimeOffset(new DateTime(year, month, day, hour, minute, 0), TimeSpan.FromHours(1)), TimeZoneInfo.Utc);
}
