using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Newsletter;

/// <summary>
/// The POC-a-tizer: when it is composed, whether it waits for an editor, where its links point, how its tokens are signed.
/// </summary>
public sealed class NewsletterOptions : IValidatableObject
{
    public const string Section = "Newsletter";

    /// <summary>The address staff reach this server at; links in mails (unsubscribe, tracking, materials) start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = PocMaterials.Content.PublicAddressOptions.DefaultBaseUrl;

    /// <summary>The secret of unsubscribe and tracking tokens; by default one created once in the data folder.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// When the issue of the month is composed: by default the first working day at 07:00 (Cronos syntax, W = nearest weekday).
    /// </summary>
    [Required]
    public string ComposeCron { get; set; } = "0 7 1W * *";

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
        if (!Cronos.CronExpression.TryParse(ComposeCron, out _))
            yield return new ValidationResult($"Newsletter:ComposeCron '{ComposeCron}' is not a cron expression.", [nameof(ComposeCron)]);
    }
}
