using MimeKit;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;

namespace PocMaterials.Newsletter.Sending;

/// <summary>Turns a rendered issue into the MIME message one recipient receives.</summary>
public static class NewsletterMessages
{
    /// <param name="unsubscribeUrl">The one-click address of RFC 8058, also in the mail's footer.</param>
    public static MimeMessage Create(SmtpOptions options, NewsletterIssue issue, long subscriberId, MailboxAddress to, RenderedMail mail, string unsubscribeUrl)
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
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("List-Id", "POC-a-tizer <poc-a-tizer.pocmaterials>");
        return message;
    }
}
