using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace PocMaterials.Helpdesk;

/// <summary>Where questions go when their theme names no contact, and how the helpdesk's mails are retried.</summary>
public sealed class HelpdeskOptions : IValidatableObject
{
    public const string Section = "Helpdesk";

    /// <summary>
    /// The address of questions whose theme has no contact (or a contact without an address). Empty: the address the
    /// server's mails come from (<c>Smtp:From</c>), POC+'s own mailbox.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>The pause after a mail the server did not take for now (4xx, no connection), doubled each time up to 30 minutes.</summary>
    [Range(1, 3600)]
    public int MailRetrySeconds { get; set; } = 30;

    /// <summary>Tries of a mail before it counts as failed: 20 cover about eight hours of an unreachable server.</summary>
    [Range(1, 100)]
    public int MailMaxAttempts { get; set; } = 20;

    /// <summary>How often a host looks for mails another host committed (its own it sends at once).</summary>
    [Range(1, 300)]
    public int MailPollSeconds { get; set; } = 10;

    /// <summary>When a working day of the helpdesk starts, in the staff's zone: answer times count working hours.</summary>
    public TimeOnly WorkdayStart { get; set; } = new(8, 30);

    /// <summary>When a working day of the helpdesk ends.</summary>
    public TimeOnly WorkdayEnd { get; set; } = new(17, 0);

    /// <summary>The pause before attempt <paramref name="attempt"/> + 1.</summary>
    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MailRetrySeconds * Math.Pow(2, Math.Min(attempt - 1, 20)), 1800));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WorkdayEnd <= WorkdayStart)
        {
            yield return new ValidationResult(
                $"Helpdesk:WorkdayEnd ({WorkdayEnd:HH:mm}) must come after Helpdesk:WorkdayStart ({WorkdayStart:HH:mm}).",
                [nameof(WorkdayEnd)]);
        }
        if (!string.IsNullOrWhiteSpace(Address) && !(MailboxAddress.TryParse(Address, out var mailbox) && mailbox.Address.Contains('@')))
        {
            yield return new ValidationResult(
                $"Helpdesk:Address '{Address}' is not a mail address (helpdesk@example.org, or \"POC+ <helpdesk@example.org>\").",
                [nameof(Address)]);
        }
    }
}
