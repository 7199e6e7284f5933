using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Newsletter.Security;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>The delivery a bounce is about: the issue and the subscriber of the mail that bounced.</summary>
public readonly record struct BouncedDelivery(long IssueId, long SubscriberId);

/// <summary>
/// VERP: each mail's envelope sender is bounces+&lt;token&gt;@domain, the token signed like the unsubscribe links, so a
/// bounce names the delivery it is about whatever the bounce's format, and nobody can forge one for another address.
/// </summary>
public sealed class ReturnPaths(SignedTokens tokens, IOptions<BounceOptions> options)
{
    private const string Purpose = "bounce";

    // Parsed once: the return path of every mail of a send is made from it.
    private readonly MailboxAddress? _mailbox =
        options.Value.Address is { Length: > 0 } address ? MailboxAddress.Parse(address) : null;

    /// <returns>The return path of a subscriber's mail of an issue; null when no bounce address is configured.</returns>
    public MailboxAddress? For(long issueId, long subscriberId)
    {
        if (_mailbox is not { } mailbox)
            return null;
        var token = tokens.Sign(Purpose, string.Create(CultureInfo.InvariantCulture, $"{issueId}.{subscriberId}"));
        return new MailboxAddress("", $"{mailbox.LocalPart}+{token}@{mailbox.Domain}");
    }

    /// <returns>The delivery an address names, or null when it is not a return path of ours or its token is not valid.</returns>
    public BouncedDelivery? DeliveryOf(string? address)
    {
        if (_mailbox is not { } mailbox || address is null || !MailboxAddress.TryParse(address, out var parsed))
            return null;
        var prefix = mailbox.LocalPart + "+";
        if (!parsed.Domain.Equals(mailbox.Domain, StringComparison.OrdinalIgnoreCase)
            || !parsed.LocalPart.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || tokens.Verify(Purpose, parsed.LocalPart[prefix.Length..]) is not { } payload
            || payload.Split('.') is not [var issue, var subscriber]
            || !long.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out var issueId)
            || !long.TryParse(subscriber, NumberStyles.None, CultureInfo.InvariantCulture, out var subscriberId))
        {
            return null;
        }
        return new BouncedDelivery(issueId, subscriberId);
    }
}
