using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Tests.Sending;
using PocMaterials.Testing;
using PocMaterials.Testing.Imap;

namespace PocMaterials.Newsletter.Tests.Bounces;

/// <summary>
/// One issue sent through the tests' SMTP server, and two real IMAP servers (dovecot): one that offers IDLE and one
/// configured without it. Shared by the tests of <see cref="BounceIdleWatcherTests"/>, which use their own addresses.
/// </summary>
public sealed class IdleMailboxes : IAsyncLifetime
{
    public SendingSetup Send { get; } = new();
    public TestImapServer WithIdle { get; private set; } = null!;
    public TestImapServer WithoutIdle { get; private set; } = null!;
    public List<string> Staff { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Send.InitializeAsync();
        WithIdle = await TestImapServer.StartAsync();
        WithoutIdle = await TestImapServer.StartAsync(idle: false);
        Send.ReadBouncesFrom(WithIdle);
        Staff = await Send.SubscribersAsync("idle", 6);
        await Send.Sender().SendAsync((await Send.ApprovedIssueAsync(["faq-leersteun"])).Id, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await WithoutIdle.DisposeAsync();
        await WithIdle.DisposeAsync();
        await Send.DisposeAsync();
    }
}

/// <summary>
/// The bounce mailbox watched by IMAP IDLE, with no poll in these tests: a bounce that arrives is read, also after the
/// IMAP server restarted under the watcher; two readings at once (the poll and IDLE) record each bounce once; a server
/// without IDLE is left to the poll.
/// </summary>
public sealed class BounceIdleWatcherTests(IdleMailboxes mailboxes) : IClassFixture<IdleMailboxes>
{
    private const int Seconds = 30;
    private readonly SendingSetup _send = mailboxes.Send;
    private readonly List<string> _staff = mailboxes.Staff;

    private BounceIdleWatcher Watcher() => new(
        Options.Create(_send.Bounces), _send.BounceMailbox(), new BounceMailboxLocks(_send.Db.Database), TimeProvider.System,
        NullLogger<BounceIdleWatcher>.Instance);

    private async Task<bool> SuppressedAsync(string address) =>
        (await _send.BounceStore().SuppressedAsync(1, 100, CancellationToken.None)).Addresses.Any(a => a.Email == address);

    [Fact]
    public async Task A_bounce_is_read_as_it_arrives_and_again_after_the_server_restarted()
    {
        _send.ReadBouncesFrom(mailboxes.WithIdle);
        var watcher = Watcher();
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            // Idling comes after the watcher's first reading: what is delivered now only IDLE can bring to a reading.
            await Eventually.TrueAsync(() => watcher.Idling, "The watcher never entered IDLE", Seconds);
            await mailboxes.WithIdle.DeliverAsync(BounceSamples.Postfix(_send.ReturnPathOf(_staff[0]), _staff[0], "idle-1"));
            await Eventually.TrueAsync(() => SuppressedAsync(_staff[0]), "The bounce read by IDLE did not suppress its address", Seconds);

            mailboxes.WithIdle.Stop();
            await Eventually.TrueAsync(() => !watcher.Idling, "The watcher did not notice that the server went", Seconds);
            await mailboxes.WithIdle.StartAgainAsync();
            await Eventually.TrueAsync(() => watcher.Idling, "The watcher did not reconnect to the restarted server", Seconds);
            await mailboxes.WithIdle.DeliverAsync(BounceSamples.Gmail(_send.ReturnPathOf(_staff[1]), _staff[1], "idle-2"));
            await Eventually.TrueAsync(() => SuppressedAsync(_staff[1]), "The bounce after the restart was not read", Seconds);
            Assert.False(watcher.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_readings_at_once_the_poll_and_idle_on_two_hosts_record_each_bounce_once()
    {
        _send.ReadBouncesFrom(mailboxes.WithIdle);
        var moved = (await mailboxes.WithIdle.MessageIdsAsync("Verwerkt")).Count;
        await mailboxes.WithIdle.DeliverAsync(
            BounceSamples.Postfix(_send.ReturnPathOf(_staff[2]), _staff[2], "samen-1"),
            BounceSamples.ExchangeOnline(_send.ReturnPathOf(_staff[3]), _staff[3], "samen-2"),
            BounceSamples.Delayed(_send.ReturnPathOf(_staff[4]), _staff[4], "samen-3"));

        var runs = await Task.WhenAll(
            _send.BounceMailbox().ReadAsync(CancellationToken.None), _send.BounceMailbox().ReadAsync(CancellationToken.None));

        // One reading waited for the other and found the mailbox emptied: each message was fetched and recorded once.
        Assert.Equal(3, runs.Sum(r => r.Recorded));
        Assert.Contains(runs, r => r.Recorded == 0);
        Assert.Equal(2, runs.Sum(r => r.Suppressed));
        Assert.Equal(moved + 3, (await mailboxes.WithIdle.MessageIdsAsync("Verwerkt")).Count);
    }

    [Fact]
    public async Task A_server_without_idle_is_left_to_the_poll()
    {
        using (var client = await mailboxes.WithoutIdle.ConnectAsync())
            Assert.False(client.Capabilities.HasFlag(MailKit.Net.Imap.ImapCapabilities.Idle));
        _send.ReadBouncesFrom(mailboxes.WithoutIdle);
        var watcher = Watcher();
        await watcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => watcher.ExecuteTask!.IsCompleted, "The watcher kept trying a server without IDLE", Seconds);
        Assert.True(watcher.ExecuteTask!.IsCompletedSuccessfully);
        Assert.False(watcher.Idling);
        await watcher.StopAsync(CancellationToken.None);

        await mailboxes.WithoutIdle.DeliverAsync(BounceSamples.Gmail(_send.ReturnPathOf(_staff[5]), _staff[5], "zonder-idle-1"));
        var run = await new ReadBouncesJob(_send.BounceMailbox()).RunAsync(CancellationToken.None);
        Assert.Equal(1, run.Suppressed);
        Assert.True(await SuppressedAsync(_staff[5]));
    }
}
