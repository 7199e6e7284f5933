using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Newsletter.Tests.Sending;
using PocMaterials.Testing.Imap;

namespace PocMaterials.Newsletter.Tests.Bounces;

/// <summary>
/// An issue goes out through a real SMTP server with a return path per delivery; bounces as Postfix, Exchange Online
/// and Gmail write them, a delayed delivery, a spam complaint, an out-of-office reply and an unrelated mail land in a
/// real IMAP mailbox (dovecot); reading it suppresses exactly the right addresses, moves what it recognised, leaves
/// the rest in place, and the next issue skips the suppressed.
/// </summary>
public sealed class BounceMailboxTests : IAsyncLifetime
{
    private readonly SendingSetup _send = new();
    private TestImapServer _imap = null!;

    public async Task InitializeAsync()
    {
        await _send.InitializeAsync();
        _imap = await TestImapServer.StartAsync();
        _send.ReadBouncesFrom(_imap);
    }

    public async Task DisposeAsync()
    {
        await _imap.DisposeAsync();
        await _send.DisposeAsync();
    }

    private BounceStore Store => _send.BounceStore();

    private BounceMailbox Mailbox() => _send.BounceMailbox();

    private string ReturnPathOf(string address) => _send.ReturnPathOf(address);

    [Fact]
    public async Task Bounces_suppress_exactly_the_right_addresses_and_the_next_issue_skips_them()
    {
        var staff = await _send.SubscribersAsync("lezer", 7);
        await _send.Sender().SendAsync((await _send.ApprovedIssueAsync(["faq-leersteun"])).Id, CancellationToken.None);
        Assert.All(staff, a => Assert.StartsWith("bounces+", ReturnPathOf(a), StringComparison.Ordinal));
        var complained = _send.Smtp.MessagesTo(staff[3]).Single().Parse();

        await _imap.DeliverAsync(
            BounceSamples.Postfix(ReturnPathOf(staff[0]), staff[0], "postfix-1"),
            BounceSamples.ExchangeOnline(ReturnPathOf(staff[1]), staff[1], "exchange-1"),
            BounceSamples.Gmail(ReturnPathOf(staff[2]), staff[2], "gmail-1"),
            BounceSamples.Complaint(complained, "arf-1"),
            BounceSamples.Delayed(ReturnPathOf(staff[4]), staff[4], "delayed-1"),
            BounceSamples.OutOfOffice(ReturnPathOf(staff[5]), "afwezig-1"),
            BounceSamples.Unrelated("vraag-1"),
            // A return path with a forged token names nobody: left alone like any mail the job does not know.
            BounceSamples.Postfix("bounces+AAAA.BBBB@example.org", staff[6], "vervalst-1"));

        var run = await Mailbox().ReadAsync(CancellationToken.None);

        Assert.Equal(new BounceMailboxRun(Recorded: 5, AutoReplies: 1, Suppressed: 4, LeftAlone: 2), run);
        var suppressed = (await Store.SuppressedAsync(1, 50, CancellationToken.None)).Addresses;
        Assert.Equal(staff[..4].Order(), suppressed.Select(s => s.Email).Order());
        Assert.Equal("complaint", suppressed.Single(s => s.Email == staff[3]).Reason);
        Assert.Equal("5.1.10", suppressed.Single(s => s.Email == staff[1]).Status);
        Assert.Equal(["vervalst-1@mx1.scholengroep.example", "vraag-1@clb.example.org"], (await _imap.MessageIdsAsync("INBOX")).Order());
        Assert.Equal(6, (await _imap.MessageIdsAsync("Verwerkt")).Count);

        var next = await _send.ApprovedIssueAsync(["faq-leersteun"], month: new DateOnly(2027, 1, 1));
        await _send.Sender().SendAsync(next.Id, CancellationToken.None);
        foreach (var address in staff)
            Assert.Equal(address == staff[4] || address == staff[5] || address == staff[6] ? 2 : 1, _send.Smtp.MessagesTo(address).Count);
    }

    [Fact]
    public async Task Three_soft_bounces_suppress_a_message_read_twice_counts_once_and_a_reactivated_address_is_sent_to_again()
    {
        var address = Assert.Single(await _send.SubscribersAsync("vol", 1));
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);
        var returnPath = ReturnPathOf(address);

        await _imap.DeliverAsync(BounceSamples.Delayed(returnPath, address, "vol-1"), BounceSamples.Delayed(returnPath, address, "vol-2"));
        await Mailbox().ReadAsync(CancellationToken.None);
        // The same message delivered again (a server retried, or the move was lost in a crash) is not a third bounce.
        await _imap.DeliverAsync(BounceSamples.Delayed(returnPath, address, "vol-2"));
        Assert.Equal(0, (await Mailbox().ReadAsync(CancellationToken.None)).Suppressed);
        Assert.Equal(0, (await Store.SuppressedAsync(1, 50, CancellationToken.None)).Total);

        await _imap.DeliverAsync(BounceSamples.Delayed(returnPath, address, "vol-3"));
        Assert.Equal(1, (await Mailbox().ReadAsync(CancellationToken.None)).Suppressed);
        Assert.Equal("soft-bounces", Assert.Single((await Store.SuppressedAsync(1, 50, CancellationToken.None)).Addresses).Reason);
        Assert.Equal(new IssueBounces(Hard: 0, Soft: 3, Complaints: 0, Suppressed: 1),
            await Store.IssueCountsAsync(issue.Id, CancellationToken.None));

        // An import of the same address changes nothing: only an editor lifts a suppression.
        var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{SubscriberCsv.Header}\n{address},Vol Nieuw,,gent\n"));
        await new SubscriberImport(new SubscriberStore(_send.Db.Database, TimeProvider.System))
            .ImportAsync(csv, _send.Db.Snapshot.Taxonomy, CancellationToken.None);
        Assert.Equal(1, (await Store.SuppressedAsync(1, 50, CancellationToken.None)).Total);

        var subscriber = await _send.Db.ScalarAsync($"SELECT id FROM newsletter_subscribers WHERE email = '{address}'");
        Assert.Equal("soft-bounces", await Store.ReactivateAsync(subscriber, "redacteur", CancellationToken.None));
        Assert.Null(await Store.ReactivateAsync(subscriber, "redacteur", CancellationToken.None));
        // Soft bounces from before the reactivation no longer count towards the next suppression.
        await _imap.DeliverAsync(BounceSamples.Delayed(returnPath, address, "vol-4"));
        Assert.Equal(0, (await Mailbox().ReadAsync(CancellationToken.None)).Suppressed);
        var next = await _send.ApprovedIssueAsync(["faq-leersteun"], month: new DateOnly(2027, 1, 1));
        await _send.Sender().SendAsync(next.Id, CancellationToken.None);
        Assert.Equal(2, _send.Smtp.MessagesTo(address).Count);
    }
}
