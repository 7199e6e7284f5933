using System.Text;
using MimeKit;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>Whether a text is one bare mail address a newsletter can be sent to.</summary>
public static class SubscriberEmail
{
    // RFC 5321 caps a forward path at 256 octets, so an address at 254 characters.
    private const int MaxLength = 254;

    // Strict: no display name, no route, no address without a domain ("jan" alone).
    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
    };

    /// <returns>Why <paramref name="text"/> is not a usable address, or null when it is.</returns>
    public static string? Problem(string text)
    {
        if (text.Length == 0)
            return "missing email address";
        if (text.Length > MaxLength)
            return $"the address is longer than {MaxLength} characters";
        // MimeKit also reads "Jan <jan@example.org>" and comments; only the bare address itself is accepted.
        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0 ||
            !string.Equals(mailbox.Address, text, StringComparison.Ordinal))
            return $"'{text}' is not an email address";
        // Such an address can only go through a relay that offers SMTPUTF8, which is known only when sending: refused
        // here rather than failing for this subscriber at every issue. (A domain beyond ASCII is sent as punycode.)
        if (!Ascii.IsValid(mailbox.LocalPart))
        {
            return $"'{text}' has characters beyond ASCII before the @, which mail relays without SMTPUTF8 cannot carry; " +
                "use the address's ASCII form";
        }
        var domain = mailbox.Domain;
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.StartsWith('['))
            return $"'{text}' has no internet domain after the @";
        return null;
    }
}
