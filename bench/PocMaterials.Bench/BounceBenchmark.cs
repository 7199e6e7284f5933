using System.Diagnostics;
using MailKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;
using PocMaterials.Testing.Imap;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Bench;

/// <summary>
/// The bounce mailbox after a send: one delivery status notification per delivered mail (up to 5,000; Postfix, Exchange
/// Online, Gmail and delayed layouts in turn) in a real IMAP mailbox (dovecot), read, recorded and moved by the product.
/// </summary>
internal static class BounceBenchmark
{
    public static async Task RunAsync(
        Database database, SignedTokens tokens, IOptions<NewsletterOptions> newsletter, BounceOptions bounces, TestSmtpServer smtp)
    {
        await using var imap = await TestImapServer.StartAsync();
        var received = smtp.Messages.Where(m => m.Sender.StartsWith("bounces+", StringComparison.Ordinal)).Take(5000).ToList();
        var notices = received.Select((mail, i) => Bounce(i, mail.Sender, mail.Recipients[0])).ToList();
        var delivering = Stopwatch.StartNew();
        using (var client = await imap.ConnectAsync())
        {
            foreach (var chunk in notices.Chunk(500))
                await client.Inbox.AppendAsync(chunk.Select(m => (IAppendRequest)new AppendRequest(m)).ToList());
            await client.DisconnectAsync(true);
        }
        var deliverSeconds = delivering.Elapsed.TotalSeconds;

        bounces.ImapHost = imap.Host;
        bounces.ImapPort = imap.Port;
        bounces.ImapSecurity = MailKit.Security.SecureSocketOptions.None;
        bounces.ImapUserName = TestImapServer.UserName;
        bounces.ImapPassword = TestImapServer.Password;
        var options = Options.Create(bounces);
        var mailbox = new BounceMailbox(
            options,
            new BounceParser(new ReturnPaths(tokens, options), new UnsubscribeLinks(tokens, newsletter)),
            new BounceStore(database, TimeProvider.System),
            new BounceMailboxLocks(database),
            NullLogger<BounceMailbox>.Instance);
        var reading = Stopwatch.StartNew();
        var run = await mailbox.ReadAsync(CancellationToken.None);
        var seconds = reading.Elapsed.TotalSeconds;
        Console.WriteLine($"bounces                {notices.Count:N0} DSNs read, recorded and moved in {seconds:F1} s: "
            + $"{notices.Count / seconds:N0} a second ({run.Recorded:N0} recorded, {run.Suppressed:N0} addresses suppressed, "
            + $"{run.LeftAlone:N0} left alone; delivering them into the mailbox took {deliverSeconds:F1} s)");
    }

    private static MimeMessage Bounce(int i, string returnPath, string recipient) => (i % 4) switch
    {
        0 => BounceSamples.Postfix(returnPath, recipient, $"bench-{i}"),
        1 => BounceSamples.ExchangeOnline(returnPath, recipient, $"bench-{i}"),
        2 => BounceSamples.Gmail(returnPath, recipient, $"bench-{i}"),
        _ => BounceSamples.Delayed(returnPath, recipient, $"bench-{i}"),
    };
}
