using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// How webhook deliveries are attempted: the timeout of one attempt, the pauses before the next ones, the internal hosts allowed.
/// </summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The key that encrypts receivers' secrets in the database; by default one created once in the data folder
    /// (<see cref="WebhookSecretProtector.KeyFileName"/>). Hosts sharing a database must share it.
    /// </summary>
    [MinLength(32)]
    public string? SecretKey { get; set; }

    /// <summary>How long one attempt may take, connecting and answering included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The pause before each retry; a delivery gets one attempt more than there are pauses, then fails. Empty
    /// means <see cref="DefaultRetryDelays"/> (configuration would add to defaults set here, not replace them).
    /// </summary>
    public TimeSpan[] RetryDelays { get; set; } = [];

    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(10),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(6),
        TimeSpan.FromDays(1),
    ];

    public IReadOnlyList<TimeSpan> Delays => RetryDelays.Length > 0 ? RetryDelays : DefaultRetryDelays;

    /// <summary>
    /// How often each host looks whether a scheduled material's date has come, and resumes deliveries a killed host left.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Host names and addresses of internal receivers that may be reached after all (loopback, private networks, ...):
    /// a name allows whatever it resolves to, an address allows itself however the receiver's host names it.
    /// </summary>
    public string[] AllowedInternalHosts { get; set; } = [];

    public int MaxAttempts => Delays.Count + 1;

    /// <summary>An attempt not settled this long after it started was lost with its host: it may be made again.</summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryDelays.Length > 20)
        {
            yield return new ValidationResult(
                $"Webhooks:RetryDelays has {RetryDelays.Length} pauses; at most 20 are allowed.", [nameof(RetryDelays)]);
        }
        foreach (var delay in RetryDelays.Where(d => d < TimeSpan.FromSeconds(1) || d > TimeSpan.FromDays(7)))
            yield return new ValidationResult($"Webhooks:RetryDelays: {delay} is not between 1 second and 7 days.", [nameof(RetryDelays)]);
        foreach (var host in AllowedInternalHosts.Where(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            yield return new ValidationResult(
                $"Webhooks:AllowedInternalHosts: '{host}' is neither a host name nor an IP address.", [nameof(AllowedInternalHosts)]);
        }
    }
}
