using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Newsletter;

/// <summary>
/// The POC-a-tizer: when it is composed (a working day, so school holidays are set here), whether it waits for an editor,
/// where its links point, how its tokens are signed.
/// </summary>
public sealed class NewsletterOptions : IValidatableObject
{
    public const string Section = "Newsletter";

    /// <summary>The address staff reach this server at; links in mails (unsubscribe, tracking, materials) start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = PocMaterials.Content.PublicAddressOptions.DefaultBaseUrl;

    /// <summary>The secret of unsubscribe and tracking tokens; by default one created once in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>On which working day of its month the issue is composed: 1 for the first (see Jobs.ComposeSchedule).</summary>
    [Range(1, 10)]
    public int ComposeWorkingDay { get; set; } = 1;

    /// <summary>At what time of that day, in the staff's time zone.</summary>
    public TimeOnly ComposeTime { get; set; } = new(7, 0);

    /// <summary>School holidays, first and last day included: no working days, besides weekends and public holidays.</summary>
    public List<SchoolHoliday> SchoolHolidays { get; set; } = [];

    /// <summary>
    /// The schedule of earlier versions, a cron expression that knew no holidays: refused at start with what replaced it,
    /// rather than ignored while the issue is composed at another moment than its operator set.
    /// </summary>
    public string? ComposeCron { get; set; }

    /// <summary>Send a composed issue at once instead of waiting for an editor's approval.</summary>
    public bool SendWithoutApproval { get; set; }

    /// <summary>A composition this long after its scheduled time (the server was down) always waits for an editor.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A folder whose templates (mail.html.hbs, mail.txt.hbs, archive.html.hbs) replace the defaults.</summary>
    public string? TemplatesPath { get; set; }

    /// <summary>An open or click this soon after its mail was delivered is a mail scanner's, not a reader's.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ScannerWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>User agents of mail scanners and privacy proxies (parts, case-insensitive): counted apart.</summary>
    public string[] AutomatedUserAgents { get; set; } =
    [
        "GoogleImageProxy", "YahooMailProxy", "Barracuda", "Mimecast", "Proofpoint", "Symantec", "Trend Micro", "Sophos",
        "BingPreview", "Microsoft Office Protocol Discovery", "python-requests", "curl/", "Go-http-client", "Wget", "HeadlessChrome",
    ];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ComposeCron is not null)
        {
            yield return new ValidationResult(
                "Newsletter:ComposeCron is no longer read: set Newsletter:ComposeWorkingDay (1 for the first working day of the month) "
                + "and Newsletter:ComposeTime (07:00); working days skip weekends, Belgian public holidays and Newsletter:SchoolHolidays.",
                [nameof(ComposeCron)]);
        }
        if (SchoolHolidays.Count > 100)
            yield return new ValidationResult("Newsletter:SchoolHolidays holds more than 100 holidays.", [nameof(SchoolHolidays)]);
        for (var i = 0; i < SchoolHolidays.Count; i++)
        {
            var (from, to) = (SchoolHolidays[i].From, SchoolHolidays[i].To);
            var name = $"Newsletter:SchoolHolidays:{i}";
            if (from == default || to == default)
                yield return new ValidationResult($"{name} needs From and To, each a date (2026-12-21).", [name]);
            else if (to < from)
                yield return new ValidationResult($"{name} ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", [name]);
            else if (to.DayNumber - from.DayNumber >= SchoolHoliday.MaxDays)
            {
                yield return new ValidationResult(
                    $"{name} lasts more than {SchoolHoliday.MaxDays} days ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}): the summer holiday, the "
                    + "longest, lasts two months; is a year wrong?", [name]);
            }
        }
    }
}

/// <summary>A school holiday of the Flemish school calendar: its first and last day.</summary>
public sealed class SchoolHoliday
{
    /// <summary>Longer than any school holiday: a longer one is a typing error (a year too many).</summary>
    public const int MaxDays = 70;

    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
}
