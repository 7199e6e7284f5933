namespace PocMaterials.Newsletter.Jobs;

/// <summary>
/// The ten legal public holidays of Belgium: New Year's Day, Easter Monday, Labour Day, Ascension Day, Whit Monday, the
/// national holiday (21 July), Assumption (15 August), All Saints' Day, Armistice Day (11 November) and Christmas. Three
/// follow Easter, which is computed; the others have fixed dates.
/// </summary>
public static class BelgianPublicHolidays
{
    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = Easter(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(1),
            new DateOnly(year, 5, 1),
            easter.AddDays(39),
            easter.AddDays(50),
            new DateOnly(year, 7, 21),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        ];
    }

    public static bool Contains(DateOnly day) => Of(day.Year).Contains(day);

    /// <summary>Monday to Friday, and no public holiday.</summary>
    public static bool IsWorkingWeekday(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Contains(day);

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
