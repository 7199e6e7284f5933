using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Persistence;

namespace PocMaterials.Helpdesk.Delivery;

/// <summary>
/// Sends the helpdesk's queued mails, one at a time, through the newsletter's transport (SMTP or the outbox, DKIM-signed
/// when configured). Each mail is claimed before it goes out and settled after, so it is sent at most once: a refusal for
/// now (4xx, no connection) is tried again after a growing pause, a refusal for good (5xx) or the last attempt fails it,
/// and a claim whose host stopped mid-send becomes uncertain instead of going out twice. Several hosts share the queue.
/// </summary>
public sealed partial class HelpdeskMailer(
    QueuedMails queue,
    MailSignal signal,
    MailTransports transports,
    IOptions<SmtpOptions> smtp,
    IOptions<HelpdeskOptions> options,
    ILogger<HelpdeskMailer> logger) : BackgroundService
{
    /// <summary>Longer than any send (each SMTP step has its own time-out): a claim older than this lost its host.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(options.Value.MailPollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = poll;
            try
            {
                foreach (var id in await queue.AbandonAsync(stoppingToken))
                    LogUncertain(logger, id);
                while (!stoppingToken.IsCancellationRequested && await queue.ClaimAsync(Lease, stoppingToken) is { } mail)
                    await SendAsync(mail);
                if (await queue.NextDueAsync(stoppingToken) is { } due && due < wait)
                    wait = due;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
            {
                LogDatabaseAway(logger, e.Message);
            }
            catch (Exception e)
            {
                // A bug must not stop the host's other work; a mail it cut off is left claimed, and becomes uncertain.
                LogUnexpected(logger, e);
            }
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// One attempt. The send is not cancelled when the host stops (its SMTP time-outs bound it): a mail cut off after the
    /// server took it would be neither sent nor known to be.
    /// </summary>
    private async Task SendAsync(ClaimedMail mail)
    {
        var settings = options.Value;
        try
        {
            await using var transport = transports.Create();
            var answer = await transport.SendAsync(Message(mail), null, CancellationToken.None);
            await queue.SentAsync(mail.Id, answer);
        }
        catch (Exception e) when (SmtpFailures.IsTransient(e) && mail.Attempt < settings.MailMaxAttempts)
        {
            var after = settings.RetryDelay(mail.Attempt);
            LogRetry(logger, mail.Id, mail.Attempt, SmtpFailures.Describe(e), after);
            await queue.RetryAsync(mail.Id, SmtpFailures.Describe(e), after);
        }
        catch (Exception e) when (SmtpFailures.IsTransient(e) || SmtpFailures.IsPermanent(e) || e is ParseException)
        {
            LogFailed(logger, mail.Id, mail.Attempt, SmtpFailures.Describe(e));
            await queue.FailAsync(mail.Id, SmtpFailures.Describe(e));
        }
    }

    /// <summary>
    /// The message: from the server's sender address as POC+, with one id per queued mail, so a receiver sees a retry is the same.
    /// </summary>
    private MimeMessage Message(ClaimedMail mail)
    {
        var sender = MailboxAddress.Parse(smtp.Value.Sender);
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = $"helpdesk.{mail.Kind}.{mail.Id}@pocmaterials",
            Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress("POC+", sender.Address));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        if (mail.ReplyTo is { } replyTo)
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        return message;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Helpdesk mail {Mail}, attempt {Attempt}, not taken ({Error}); next attempt in {After}")]
    private static partial void LogRetry(ILogger logger, long mail, int attempt, string error, TimeSpan after);

    [LoggerMessage(Level = LogLevel.Error, Message = "Helpdesk mail {Mail} failed after {Attempts} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, long mail, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Helpdesk mail {Mail} is uncertain: its host stopped while sending it; it is not sent again")]
    private static partial void LogUncertain(ILogger logger, long mail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Helpdesk mails: unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Helpdesk mails wait for the database: {Error}")]
    private static partial void LogDatabaseAway(ILogger logger, string error);
}
