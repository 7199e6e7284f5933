using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Cryptography;

namespace PocMaterials.Newsletter.Sending.Dkim;

/// <summary>
/// Signs each outgoing mail with DKIM (RSA-SHA256, relaxed/relaxed) for the sender's domain, over the headers a
/// receiver shows or acts on, so none of them can be changed on the way without the signature failing.
/// </summary>
public sealed partial class MailSigner
{
    // From is required by RFC 6376; the list headers are signed because receivers act on them (one-click unsubscribe).
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.MimeVersion,
        HeaderId.ContentType, HeaderId.ListId, HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost,
    ];

    private readonly OpenSslDkimSigner _signer;

    public MailSigner(DkimKey key)
    {
        Key = key;
        _signer = new OpenSslDkimSigner(key)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
    }

    public DkimKey Key { get; }

    /// <summary>The signer for these settings, or null when mails are not signed (switched off, or no real sender).</summary>
    public static MailSigner? For(DkimOptions dkim, SmtpOptions smtp, string dataPath)
    {
        if (!dkim.Enabled || DomainOf(dkim, smtp) is not { } domain)
            return null;
        var path = string.IsNullOrWhiteSpace(dkim.PrivateKeyPath)
            ? DkimKey.DefaultPath(dataPath, domain, dkim.Selector)
            : dkim.PrivateKeyPath;
        return new MailSigner(DkimKey.ReadOrCreate(path, domain, dkim.Selector));
    }

    /// <summary>The configured domain, else the sender's; none for the outbox's placeholder sender, which is never relayed.</summary>
    public static string? DomainOf(DkimOptions dkim, SmtpOptions smtp)
    {
        if (!string.IsNullOrWhiteSpace(dkim.Domain))
            return dkim.Domain.Trim().ToLowerInvariant();
        return smtp.From is { } from && MailboxAddress.TryParse(from, out var sender) ? sender.Domain.ToLowerInvariant() : null;
    }

    /// <summary>
    /// Fixes the message's transfer encodings first: a relay that re-encodes 8-bit parts for a 7-bit hop would break the
    /// body hash otherwise.
    /// </summary>
    public void Sign(MimeMessage message)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        _signer.Sign(message, SignedHeaders);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Mails are DKIM-signed for {Domain} with selector {Selector}: ./poc dkim prints the DNS record to publish at "
            + "{RecordName}")]
    public static partial void LogSigning(ILogger logger, string domain, string selector, string recordName);

    [LoggerMessage(
        Level = LogLevel.Information, Message = "Mails are not DKIM-signed: no sender domain (Smtp:From), or Dkim:Enabled is false")]
    public static partial void LogNotSigning(ILogger logger);

    /// <summary>MimeKit's signer with the signature itself computed by OpenSSL (<see cref="RsaSha256Signer"/>).</summary>
    private sealed class OpenSslDkimSigner(DkimKey key)
        : DkimSigner(key.Path, key.Domain, key.Selector, DkimSignatureAlgorithm.RsaSha256)
    {
        private readonly System.Security.Cryptography.RSA _rsa = key.CreateRsa();

        protected override Org.BouncyCastle.Crypto.ISigner CreateSigningContext() => new RsaSha256Signer(_rsa);
    }
}
