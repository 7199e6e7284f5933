using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Content.Visibility;

/// <summary>The one time zone of staff's dates: publication and review days, report days, the jobs' schedules.</summary>
public sealed class CalendarOptions : IValidatableObject
{
    public const string Section = "Calendar";

    [Required]
    public string TimeZone { get; set; } = "Europe/Brussels";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            yield return new ValidationResult($"Calendar:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
    }
}
