using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Newsletter.Security;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>
/// The signed unsubscribe link of a subscriber and the RFC 8058 headers that carry it. The token holds the
/// subscriber id and a MAC; it does not expire, since a mail of last year must still unsubscribe.
/// </summary>
public sealed class UnsubscribeLinks(SignedTokens tokens, IOptions<NewsletterOptions> options)
{
    /// <summary>The unsubscribe endpoints, outside /api: a mail client has no bearer token.</summary>
    public const string Path = "/newsletter/unsubscribe";

    /// <summary>The value of <c>List-Unsubscribe-Post</c>, and the body a one-click unsubscribe POSTs.</summary>
    public const string OneClick = "List-Unsubscribe=One-Click";

    private const string Purpose = "unsubscribe";

    public string TokenFor(long subscriberId) => tokens.Sign(Purpose, subscriberId.ToString(CultureInfo.InvariantCulture));

    /// <returns>The subscriber id of a token, or null when it is missing, tampered with or made for another purpose.</returns>
    public long? SubscriberOf(string? token) =>
        long.TryParse(tokens.Verify(Purpose, token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary><c>{PublicBaseUrl}/newsletter/unsubscribe?token=...</c></summary>
    public string UrlFor(long subscriberId) =>
        options.Value.PublicBaseUrl.TrimEnd('/') + Path + "?token=" + Uri.EscapeDataString(TokenFor(subscriberId));

    /// <summary>
    /// Sets <c>List-Unsubscribe: &lt;url&gt;</c> and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058).
    /// </summary>
    public void AddHeaders(MimeMessage message, long subscriberId)
    {
        message.Headers.Replace("List-Unsubscribe", $"<{UrlFor(subscriberId)}>");
        message.Headers.Replace("List-Unsubscribe-Post", OneClick);
    }
}
