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

    public DateOnly Today => DayOf(time.GetUtcNow());

    /// <summary>The day an instant falls on in the zone.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The first instant of a day in the zone.</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant a day's clock shows <paramref name="time"/> in the zone.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
}
