using MimeKit;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Newsletter.Sending;

/// <summary>Turns a rendered issue into the MIME message one recipient receives.</summary>
public static class NewsletterMessages
{
    /// <param name="unsubscribe">Gives the one-click unsubscribe headers of RFC 8058.</param>
    public static MimeMessage Create(SmtpOptions options, NewsletterIssue issue, long subscriberId, MailboxAddress to, RenderedMail mail, UnsubscribeLinks unsubscribe)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            // One id per issue and recipient: a receiving server that sees it twice knows it is the same mail.
            MessageId = $"poc-a-tizer.{issue.Key}.{subscriberId}@pocmaterials",
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(to);
        unsubscribe.AddHeaders(message, subscriberId);
        message.Headers.Add("List-Id", "POC-a-tizer <poc-a-tizer.pocmaterials>");
        return message;
    }
}
