using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>What one reading of the bounce mailbox did.</summary>
public sealed record BounceMailboxRun(int Recorded, int AutoReplies, int Suppressed, int LeftAlone);

/// <summary>
/// Reads the bounce mailbox by IMAP: each recognised message is recorded (a suppression when due) and then moved to the
/// processed folder, so a crash in between records it again at the next reading, which the message key makes harmless.
/// A message it does not recognise stays where it is, unread and never deleted: the mailbox may hold other mail.
/// One reading at a time over all hosts (the minute poll and the IDLE watcher both read here): the next one waits and
/// then finds only what arrived since, so no message is fetched and recorded by two readings at once.
/// </summary>
public sealed partial class BounceMailbox(
    IOptions<BounceOptions> options, BounceParser parser, BounceStore store, BounceMailboxLocks locks, ILogger<BounceMailbox> logger)
{
    private const int BatchSize = 200;

    public async Task<BounceMailboxRun> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.ReadsMailbox)
            return new BounceMailboxRun(0, 0, 0, 0);
        await using var reading = await locks.ReadingAsync(cancellationToken);
        using var client = new ImapClient();
        await client.ConnectAsync(settings.ImapHost!, settings.ImapPort, settings.ImapSecurity, cancellationToken);
        await client.AuthenticateAsync(settings.ImapUserName ?? "", settings.ImapPassword ?? "", cancellationToken);
        var inbox = (ImapFolder)await client.GetFolderAsync(settings.Folder, cancellationToken);
        await inbox.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var processed = await ProcessedFolderAsync(client, settings.ProcessedFolder, cancellationToken);
        int recorded = 0, autoReplies = 0, suppressed = 0, leftAlone = 0;
        foreach (var batch in (await inbox.SearchAsync(SearchQuery.All, cancellationToken)).Chunk(BatchSize))
        {
            // One FETCH for the batch (BODY.PEEK: a message left alone keeps its unread flag), one transaction, one MOVE.
            var recognised = new List<(UniqueId Uid, BounceNotice Notice)>();
            await inbox.GetStreamsAsync(batch, async (_, _, uid, stream, token) =>
            {
                if (parser.Parse(await MimeMessage.LoadAsync(stream, token)) is { } notice)
                    recognised.Add((uid, notice));
            }, cancellationToken);
            leftAlone += batch.Length - recognised.Count;
            var bounces = recognised.Select(r => r.Notice).Where(n => n.Kind != BounceKind.AutoReply).ToList();
            autoReplies += recognised.Count - bounces.Count;
            recorded += bounces.Count;
            var reasons = await store.RecordAsync(bounces, settings.SoftBounceLimit, settings.SoftBounceDays, cancellationToken);
            foreach (var (notice, reason) in bounces.Zip(reasons).Where(pair => pair.Second is not null))
            {
                suppressed++;
                LogSuppressed(logger, notice.Delivery!.Value.SubscriberId, reason!, notice.Status);
            }
            if (recognised.Count > 0)
                await inbox.MoveToAsync(recognised.Select(r => r.Uid).ToList(), processed, cancellationToken);
        }
        await client.DisconnectAsync(quit: true, cancellationToken);
        var run = new BounceMailboxRun(recorded, autoReplies, suppressed, leftAlone);
        if (recorded + autoReplies + leftAlone > 0)
            LogRead(logger, run.Recorded, run.AutoReplies, run.Suppressed, run.LeftAlone);
        return run;
    }

    private static async Task<IMailFolder> ProcessedFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"The IMAP server did not create the folder '{name}'.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber {Subscriber} is suppressed ({Reason}, status {Status}): no more issues")]
    private static partial void LogSuppressed(ILogger logger, long subscriber, string reason, string? status);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Bounce mailbox: {Recorded} bounces and complaints recorded, {AutoReplies} automatic replies, {Suppressed} addresses "
            + "suppressed, {LeftAlone} messages not recognised and left in place")]
    private static partial void LogRead(ILogger logger, int recorded, int autoReplies, int suppressed, int leftAlone);
}
