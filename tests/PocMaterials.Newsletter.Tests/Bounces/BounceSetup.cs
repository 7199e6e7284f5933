using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tests.Sending;
using PocMaterials.Testing.Imap;

namespace PocMaterials.Newsletter.Tests.Bounces;

/// <summary>What the bounce tests add to a send setup: a bounce mailbox on a test IMAP server, and its readers.</summary>
public static class BounceSetup
{
    /// <summary>Return paths point at the bounce address, and the mailbox behind it is read on this server.</summary>
    public static void ReadBouncesFrom(this SendingSetup send, TestImapServer imap)
    {
        send.Bounces.Address = "bounces@example.org";
        send.Bounces.ImapHost = imap.Host;
        send.Bounces.ImapPort = imap.Port;
        send.Bounces.ImapSecurity = MailKit.Security.SecureSocketOptions.None;
        send.Bounces.ImapUserName = TestImapServer.UserName;
        send.Bounces.ImapPassword = TestImapServer.Password;
    }

    public static BounceStore BounceStore(this SendingSetup send) => new(send.Db.Database, TimeProvider.System);

    public static BounceMailbox BounceMailbox(this SendingSetup send) => new(
        Options.Create(send.Bounces),
        new BounceParser(send.ReturnPaths, new UnsubscribeLinks(send.Db.Tokens, send.Db.Options)),
        send.BounceStore(),
        new BounceMailboxLocks(send.Db.Database),
        NullLogger<BounceMailbox>.Instance);

    /// <summary>The envelope sender the SMTP server saw for the mail to this address: the bounce goes there.</summary>
    public static string ReturnPathOf(this SendingSetup send, string address) => Assert.Single(send.Smtp.MessagesTo(address)).Sender;
}
