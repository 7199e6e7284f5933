namespace PocMaterials.Content.Visibility;

/// <summary>
/// Dates as staff live them, in the one configured zone (<c>Calendar:TimeZone</c>, Europe/Brussels by default):
/// publication and review dates turn at its midnight, reports count its whole days, the jobs follow its clock.
/// </summary>
public sealed class StaffCalendar(TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>Where Flemish staff live: the default zone.</summary>
    public static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public StaffCalendar(TimeProvider time)
        : this(time, Brussels)
    {
    }

    public TimeZoneInfo Zone => zone;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

    /// <summary>The first instant of a day in the zone.</summary>
    public DateTimeOffset StartOf(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
