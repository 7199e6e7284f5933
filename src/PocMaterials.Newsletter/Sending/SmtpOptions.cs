using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// How mails leave: an SMTP server, or .eml files in the outbox folder of the data folder, when chosen by
/// <see cref="Outbox"/> or, in Development only, when no host is set.
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>The SMTP server; empty in Development: mails are written to the outbox folder instead.</summary>
    public string? Host { get; set; }

    /// <summary>Write every mail to the outbox folder instead of an SMTP server (outside Development it must be chosen).</summary>
    public bool Outbox { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// What mails written to the outbox say they come from when no <see cref="From"/> is set: a file is never relayed, so a
    /// placeholder does no harm there. A server is sent nothing without a sender set (<see cref="SmtpOptionsValidator"/>).
    /// </summary>
    public const string OutboxSender = "POC-a-tizer <poc-a-tizer@localhost>";

    /// <summary>
    /// The sender of the POC-a-tizer, "Name &lt;address&gt;": an address whose domain lets this server send as it (SPF, DKIM),
    /// or the relay refuses the mails or marks them as spam. Required with <see cref="Host"/>.
    /// </summary>
    public string? From { get; set; }

    /// <summary>The sender mails carry: <see cref="From"/>, or in the outbox without one, <see cref="OutboxSender"/>.</summary>
    public string Sender => From ?? OutboxSender;

    /// <summary>Parallel connections, each a worker with its own reused SMTP client (8 measured best on 2 cores; see README).</summary>
    [Range(1, 32)]
    public int Workers { get; set; } = 8;

    /// <summary>At most this many messages a second over all workers; 0: no limit.</summary>
    [Range(0, 100_000)]
    public int MessagesPerSecond { get; set; }

    /// <summary>
    /// At most this many messages a minute, an hour and a day over every issue and host (0: no limit), as the relay allows
    /// (Microsoft 365: 30 a minute, 10,000 recipients a day). A send that reaches one waits, and picks up when the window
    /// allows, the next day if need be.
    /// </summary>
    [Range(0, 1_000_000)]
    public int MessagesPerMinute { get; set; }

    [Range(0, 10_000_000)]
    public int MessagesPerHour { get; set; }

    [Range(0, 100_000_000)]
    public int MessagesPerDay { get; set; }

    /// <summary>Tries per message for transient failures (4xx, dropped connection, time-out), with back-off.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>An issue stops after this many failed messages in a row instead of burning through the list.</summary>
    [Range(1, 100_000)]
    public int MaxConsecutiveFailures { get; set; } = 25;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesOutbox => Outbox || string.IsNullOrWhiteSpace(Host);
}
