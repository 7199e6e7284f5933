using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.IO.Filters;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tracking;

namespace PocMaterials.Newsletter.Sending;

/// <summary>Whom a mail is made for: a subscriber, or (subscriber 0, never counted) an editor's test mail or preview.</summary>
public sealed record MailReader(long SubscriberId, string Name, IReadOnlyList<string> Roles, string? Centre);

/// <summary>
/// Makes the mail of an issue for one reader: what their roles may see, rendered, with their links, and the MIME
/// message around it. One maker for the send, the editor's test mail and the preview, so what an editor checks is
/// what subscribers get.
/// </summary>
public sealed class IssueMails(
    IssueRenderer renderer, NewsletterLinks links, UnsubscribeLinks unsubscribeLinks, ReturnPaths returnPaths, IOptions<SmtpOptions> smtp)
{
    /// <param name="tracked">
    /// Material links through the click counter and an open pixel, as in a mail; a preview links to the materials
    /// directly and counts nothing.
    /// </param>
    /// <param name="intro">The issue's introduction rendered once for a whole send; rendered here when not given.</param>
    /// <returns>Null when the reader may see nothing of the issue: no mail.</returns>
    public RenderedMail? Render(
        NewsletterIssue issue, ContentSnapshot content, DateOnly today, MailReader reader, bool tracked, IssueIntro? intro = null)
    {
        var subject = reader.SubscriberId == 0 ? "preview" : $"subscriber:{reader.SubscriberId}";
        var staff = new StaffMember(subject, reader.Roles, reader.Centre);
        Func<string, string> materialUrl = tracked
            ? slug => links.Click(issue.Id, reader.SubscriberId, slug)
            : slug => links.Material(slug, "newsletter");
        if (IssueView.For(issue, content, staff, today, materialUrl, intro) is not { } view)
            return null;
        var openPixel = tracked ? links.OpenPixel(issue.Id, reader.SubscriberId) : null;
        var recipientLinks = new RecipientLinks(unsubscribeLinks.UrlFor(reader.SubscriberId), links.Archive(issue), openPixel);
        return renderer.Mail(view, reader.Name, recipientLinks);
    }

    /// <summary>
    /// One id per issue and recipient: a receiving server that sees it twice knows it is the same mail. By the issue's id,
    /// not only its month: a month started over after a cancel sends a new issue, whose mails are not the cancelled one's.
    /// </summary>
    public static string MessageIdOf(NewsletterIssue issue, long subscriberId) =>
        $"poc-a-tizer.{issue.Key}.{issue.Id}.{subscriberId}@pocmaterials";

    /// <summary>Where a recipient's mail bounces to: a return path naming the delivery, or null (the sender) without one.</summary>
    public MailboxAddress? ReturnPath(NewsletterIssue issue, long subscriberId) => returnPaths.For(issue.Id, subscriberId);

    /// <summary>The MIME message one recipient receives, with the one-click unsubscribe headers of RFC 8058.</summary>
    public MimeMessage Message(NewsletterIssue issue, long subscriberId, MailboxAddress to, RenderedMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = MessageIdOf(issue, subscriberId),
            Body = new MultipartAlternative { Encoded("plain", mail.Text), Encoded("html", mail.Html) },
        };
        message.From.Add(MailboxAddress.Parse(smtp.Value.Sender));
        message.To.Add(to);
        unsubscribeLinks.AddHeaders(message, subscriberId);
        message.Headers.Add("List-Id", "POC-a-tizer <poc-a-tizer.pocmaterials>");
        return message;
    }

    /// <summary>
    /// A text part encoded once, quoted-printable, as it goes out. Left to MimeKit, the text would be read once to choose
    /// its encoding, then encoded for the DKIM body hash and again for the SMTP server: now both copy the encoded bytes.
    /// </summary>
    private static TextPart Encoded(string subtype, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        // The filter's own buffer holds the result; the filter is not used again, so the part may keep it.
        var encoded = EncoderFilter.Create(ContentEncoding.QuotedPrintable).Flush(bytes, 0, bytes.Length, out var start, out var length);
        var part = new TextPart(subtype)
        {
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
            Content = new MimeContent(new MemoryStream(encoded, start, length, writable: false), ContentEncoding.QuotedPrintable),
        };
        part.ContentType.Charset = "utf-8";
        return part;
    }
}
