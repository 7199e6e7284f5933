using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>
/// Watches the bounce folder by IMAP IDLE where the server offers it, and reads the mailbox (the same reading as the
/// minute poll) when mail arrives, so a hard bounce suppresses its address before the next send goes further. One host
/// watches (an advisory lock; the other stands by); a dropped server or network is tried again after a growing pause.
/// A server without IDLE leaves it to the poll, which runs either way as the safety net.
/// </summary>
public sealed partial class BounceIdleWatcher(
    IOptions<BounceOptions> options, BounceMailbox mailbox, BounceMailboxLocks locks, TimeProvider time,
    ILogger<BounceIdleWatcher> logger) : BackgroundService
{
    // Servers may end IDLE after 30 minutes (RFC 2177: re-enter before 29), and NATs and firewalls drop quiet
    // connections sooner: re-entering every 9 minutes costs one command and keeps the connection known to be alive.
    private static readonly TimeSpan IdleRenewal = TimeSpan.FromMinutes(9);
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastPause = TimeSpan.FromMinutes(5);

    // How often a standing-by host asks whether the watching one is still there.
    private static readonly TimeSpan StandbyPause = TimeSpan.FromMinutes(1);

    /// <summary>Whether this host holds an IDLE connection on the folder now.</summary>
    public bool Idling { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ReadsMailbox || !settings.UseIdle)
            return;
        var pause = FirstPause;
        try
        {
            while (true)
            {
                try
                {
                    await using var watching = await locks.TryWatchingAsync(stoppingToken);
                    if (watching is null)
                    {
                        await Task.Delay(StandbyPause, time, stoppingToken);
                        continue;
                    }
                    if (!await WatchAsync(settings, watching, () => pause = FirstPause, stoppingToken))
                    {
                        LogNoIdle(logger, settings.ImapHost!);
                        return;
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    Idling = false;
                    LogDropped(logger, e.GetType().Name, e.Message, pause);
                    await Task.Delay(pause, time, stoppingToken);
                    pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LastPause.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
        finally
        {
            Idling = false;
        }
    }

    /// <summary>Reads, then idles until mail arrives, and again, until the connection or the lock goes.</summary>
    /// <returns>False when the server offers no IDLE.</returns>
    private async Task<bool> WatchAsync(
        BounceOptions settings, BounceMailboxLocks.HeldMailboxLock watching, Action connected, CancellationToken stoppingToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(settings.ImapHost!, settings.ImapPort, settings.ImapSecurity, stoppingToken);
        await client.AuthenticateAsync(settings.ImapUserName ?? "", settings.ImapPassword ?? "", stoppingToken);
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
            return false;
        var folder = await client.GetFolderAsync(settings.Folder, stoppingToken);
        await folder.OpenAsync(FolderAccess.ReadOnly, stoppingToken);
        connected();
        LogWatching(logger, settings.Folder, settings.ImapHost!);
        // What arrived while nobody watched is read first.
        var arrived = true;
        while (true)
        {
            if (arrived)
                await mailbox.ReadAsync(stoppingToken);
            if (!await watching.StillHeldAsync(stoppingToken))
                throw new IOException("The database connection that held the watcher's lock is gone.");
            arrived = await IdleUntilMailAsync(client, folder, stoppingToken);
        }
    }

    /// <returns>True when messages arrived; false when the renewal time came first.</returns>
    private async Task<bool> IdleUntilMailAsync(ImapClient client, IMailFolder folder, CancellationToken stoppingToken)
    {
        using var done = new CancellationTokenSource(IdleRenewal, time);
        // The count also falls when a reading moves messages out; only a rise (EXISTS) is new mail.
        var known = folder.Count;
        var arrived = false;
        void OnCountChanged(object? sender, EventArgs e)
        {
            if (folder.Count > known)
            {
                arrived = true;
                done.Cancel();
            }
            known = folder.Count;
        }
        folder.CountChanged += OnCountChanged;
        try
        {
            Idling = true;
            await client.IdleAsync(done.Token, stoppingToken);
        }
        finally
        {
            folder.CountChanged -= OnCountChanged;
        }
        return arrived;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bounce mailbox: watching {Folder} on {Host} by IDLE")]
    private static partial void LogWatching(ILogger logger, string folder, string host);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Bounce mailbox: {Host} offers no IDLE; the minute poll reads the mailbox")]
    private static partial void LogNoIdle(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bounce mailbox: watching by IDLE stopped ({Error}: {Message}); trying again in {Pause}")]
    private static partial void LogDropped(ILogger logger, string error, string message, TimeSpan pause);
}
