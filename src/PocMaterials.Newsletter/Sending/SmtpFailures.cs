using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace PocMaterials.Newsletter.Sending;

/// <summary>What a failure to hand a mail to the SMTP server means: one list for the send and the test mail.</summary>
public static class SmtpFailures
{
    /// <summary>The server refused for good (5xx): its answer is final.</summary>
    public static bool IsPermanent(Exception e) => e is SmtpCommandException command && (int)command.StatusCode >= 500;

    /// <summary>A later try may get through: a 4xx answer, a dropped or refused connection, a time-out.</summary>
    public static bool IsTransient(Exception e) =>
        !IsPermanent(e)
        && e is SmtpCommandException or SmtpProtocolException or IOException or SocketException
            or ServiceNotConnectedException or OperationCanceledException or TimeoutException;

    /// <summary>The server's answer with its code, or what went wrong on the way.</summary>
    public static string Describe(Exception e) => e is SmtpCommandException command ? $"{(int)command.StatusCode} {e.Message}" : e.Message;
}
