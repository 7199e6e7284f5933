using MimeKit;

namespace PocMaterials.Testing.Smtp;

/// <summary>One message a <see cref="TestSmtpServer"/> accepted (answered 250 after DATA).</summary>
/// <param name="Sender">The envelope sender (MAIL FROM); empty for the null sender.</param>
/// <param name="Recipients">The envelope recipients it accepted (RCPT TO answered 250), as the client wrote them.</param>
/// <param name="Raw">The message bytes exactly as received, without the terminating dot.</param>
/// <param name="Received">When the server accepted it, by its own clock, before it answered 250.</param>
public sealed record ReceivedMessage(string Sender, IReadOnlyList<string> Recipients, byte[] Raw, DateTimeOffset Received)
{
    /// <summary>The message parsed with MimeKit: headers, body parts, List-Unsubscribe and so on.</summary>
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Raw, writable: false);
        return MimeMessage.Load(stream);
    }

    /// <summary>Whether the envelope named this address (case-insensitive).</summary>
    public bool IsFor(string address) => Recipients.Contains(address, StringComparer.OrdinalIgnoreCase);
}
