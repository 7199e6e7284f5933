using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>
/// Reads what a message in the bounce mailbox is: a delivery status notification (RFC 3464, as Postfix, Exchange Online
/// and Gmail write them), a feedback report (ARF, RFC 5965), an automatic reply, or none of these (null: left alone).
/// The delivery comes from the signed return path the bounce was sent to, or for a complaint from the signed
/// unsubscribe link in the reported mail: never from what anyone could write into a message.
/// </summary>
public sealed partial class BounceParser(ReturnPaths returnPaths, UnsubscribeLinks unsubscribeLinks)
{
    // The headers a delivering server writes the envelope recipient in, then the visible ones.
    private static readonly string[] RecipientHeaders = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To", "Cc"];

    public BounceNotice? Parse(MimeMessage message)
    {
        var key = KeyOf(message);
        var delivery = DeliveryOf(message);
        if (message.BodyParts.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status)
        {
            return delivery is { } bounced && FromStatus(status) is ({ } kind, var statusCode, var diagnostic)
                ? new BounceNotice(key, kind, bounced, statusCode, diagnostic)
                : null;
        }
        if (message.Body is MultipartReport report
            && string.Equals(report.ReportType, "feedback-report", StringComparison.OrdinalIgnoreCase))
            return ComplaintDelivery(report) is { } complained ? new BounceNotice(key, BounceKind.Complaint, complained, null, null) : null;
        if (IsAutoReply(message))
            return delivery is null ? null : new BounceNotice(key, BounceKind.AutoReply, delivery, null, null);
        // A bounce without a machine-readable report (older or home-made servers): only a code in its text counts.
        if (delivery is { } plain && StatusCode().Match(message.TextBody ?? "") is { Success: true } code)
        {
            var kind = code.Value[0] == '5' ? BounceKind.Hard : BounceKind.Soft;
            return new BounceNotice(key, kind, plain, code.Value, FirstLineWith(message.TextBody!, code.Value));
        }
        return null;
    }

    private BouncedDelivery? DeliveryOf(MimeMessage message)
    {
        foreach (var name in RecipientHeaders)
        {
            foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                if (!InternetAddressList.TryParse(header.Value, out var addresses))
                    continue;
                foreach (var mailbox in addresses.Mailboxes)
                {
                    if (returnPaths.DeliveryOf(mailbox.Address) is { } delivery)
                        return delivery;
                }
            }
        }
        return null;
    }

    /// <summary>The first recipient's verdict; a report that something was delivered, relayed or expanded is no bounce.</summary>
    private static (BounceKind? Kind, string? Status, string? Diagnostic) FromStatus(MessageDeliveryStatus report)
    {
        foreach (var group in report.StatusGroups.Skip(1))
        {
            var action = group["Action"]?.Trim().ToLowerInvariant();
            var status = group["Status"]?.Trim();
            var diagnostic = group["Diagnostic-Code"]?.Trim();
            BounceKind? kind = action switch
            {
                "failed" => status?.StartsWith('4') == true ? BounceKind.Soft : BounceKind.Hard,
                "delayed" => BounceKind.Soft,
                _ => null,
            };
            if (kind is not null)
                return (kind, status, diagnostic);
        }
        return (null, null, null);
    }

    /// <summary>
    /// The reported mail's unsubscribe link names the subscriber; its Message-ID, made by us, the issue (0 when a receiver
    /// left it out: the complaint still suppresses, and counts for no issue).
    /// </summary>
    private BouncedDelivery? ComplaintDelivery(MultipartReport report)
    {
        var original = report.OfType<MessagePart>().Select(part => part.Message).FirstOrDefault(m => m is not null);
        if (original is null)
            return null;
        var link = original.Headers["List-Unsubscribe"] ?? "";
        var token = TokenParameter().Match(link);
        if (!token.Success || unsubscribeLinks.SubscriberOf(Uri.UnescapeDataString(token.Groups[1].Value)) is not { } subscriber)
            return null;
        var issue = OurMessageId().Match(original.MessageId ?? "");
        return new BouncedDelivery(issue.Success ? long.Parse(issue.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            subscriber);
    }

    private static bool IsAutoReply(MimeMessage message) =>
        message.Headers["Auto-Submitted"] is { } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)
        || message.Headers.Contains("X-Autoreply") || message.Headers.Contains("X-Autorespond")
        || (message.Headers["Precedence"]?.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string KeyOf(MimeMessage message)
    {
        if (!string.IsNullOrWhiteSpace(message.MessageId))
            return message.MessageId;
        var headers = string.Join('\n', message.Headers.Select(h => h.Field + ":" + h.Value));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(headers)));
    }

    private static string FirstLineWith(string text, string code) =>
        text.Split('\n').Select(line => line.Trim()).First(line => line.Contains(code, StringComparison.Ordinal));

    [GeneratedRegex(@"\b[45]\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"[?&]token=([^&>\s]+)")]
    private static partial Regex TokenParameter();

    [GeneratedRegex(@"^poc-a-tizer\.[^.@]+\.(\d+)\.\d+@pocmaterials$")]
    private static partial Regex OurMessageId();
}
