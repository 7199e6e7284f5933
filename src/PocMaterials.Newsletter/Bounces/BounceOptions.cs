using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>
/// Where bounces go and how they are read: each mail's return path is <see cref="Address"/> with a signed token for its
/// delivery (VERP), and the mailbox behind it is read by IMAP. Without an address, mails return to the sender as before
/// and nothing is read.
/// </summary>
public sealed class BounceOptions : IValidatableObject
{
    public const string Section = "Bounces";

    /// <summary>The bounce mailbox, e.g. bounces@clb.example.org; its server must deliver bounces+anything@ to it.</summary>
    public string? Address { get; set; }

    /// <summary>The IMAP server of that mailbox; empty: return paths are set, but nothing reads them.</summary>
    public string? ImapHost { get; set; }

    [Range(1, 65535)]
    public int ImapPort { get; set; } = 993;

    public SecureSocketOptions ImapSecurity { get; set; } = SecureSocketOptions.Auto;
    public string? ImapUserName { get; set; }
    public string? ImapPassword { get; set; }

    /// <summary>
    /// Watch the folder by IMAP IDLE where the server offers it, so a bounce is read as it arrives; the minute poll stays
    /// as the fallback (servers without IDLE) and as a safety net. Off: the poll alone, one connection a minute.
    /// </summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>The folder bounces arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>Where recognised messages go once recorded; made when missing. Anything else stays where it is.</summary>
    public string ProcessedFolder { get; set; } = "Verwerkt";

    /// <summary>Soft bounces (4.x.x, delays) within <see cref="SoftBounceDays"/> that suppress an address.</summary>
    [Range(1, 100)]
    public int SoftBounceLimit { get; set; } = 3;

    [Range(1, 365)]
    public int SoftBounceDays { get; set; } = 30;

    public bool ReadsMailbox => !string.IsNullOrWhiteSpace(Address) && !string.IsNullOrWhiteSpace(ImapHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Address is { } address && (!MimeKit.MailboxAddress.TryParse(address, out var mailbox) || mailbox.LocalPart.Contains('+')
            || mailbox.Domain.Length == 0))
        {
            yield return new ValidationResult(
                $"Bounces:Address '{address}' is not a plain mail address (no '+': the return path adds '+' and a token to it).",
                [nameof(Address)]);
        }
        if (!string.IsNullOrWhiteSpace(ImapHost) && string.IsNullOrWhiteSpace(Address))
        {
            yield return new ValidationResult(
                "Bounces:ImapHost is set without Bounces:Address: no mail would bounce there.", [nameof(ImapHost)]);
        }
    }
}
