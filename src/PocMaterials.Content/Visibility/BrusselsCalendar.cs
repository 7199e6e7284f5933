namespace PocMaterials.Content.Visibility;

/// <summary>Dates as Flemish staff live them: publication and review dates turn at midnight in Brussels.</summary>
public sealed class BrusselsCalendar(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
