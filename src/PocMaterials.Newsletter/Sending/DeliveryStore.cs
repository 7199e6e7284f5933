using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Sending;

/// <summary>A subscriber as a recipient of one issue.</summary>
public sealed record Recipient(long SubscriberId, string Email, string Name, IReadOnlyList<string> Roles, string? Centre);

public enum DeliveryStatus
{
    Sending,
    Sent,

    /// <summary>Transient failures used up a run's tries: a later run tries again.</summary>
    Deferred,

    /// <summary>Refused for good (5xx): the server's answer is kept, no retry.</summary>
    Failed,
    Uncertain,
    Skipped,
}

/// <summary>How one claimed mail went, with the server's answer (its 250 too, naming the mail in the server's log).</summary>
public sealed record Settlement(long SubscriberId, DeliveryStatus Status, int Attempts, string? ServerResponse);

/// <summary>A delivery as editors see it.</summary>
public sealed record Delivery(
    long SubscriberId,
    string Email,
    string Name,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? ServerResponse);

/// <summary>One page of an issue's deliveries, with how many there are in all (of the status asked for).</summary>
public sealed record DeliveryPage(int Page, int PageSize, long Total, IReadOnlyList<Delivery> Deliveries);

/// <summary>
/// The delivery state of every recipient of an issue. A row is claimed ('sending') and committed before the mail goes
/// out and settled with the server's answer after it, so whatever stops a run, a recipient either has a settled row, or
/// a 'sending' row the next run marks uncertain, or no row and is sent.
/// </summary>
public sealed class DeliveryStore(Database database, TimeProvider time)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(DeliveryStore));

    /// <summary>Rows a killed run left claimed: their mails may or may not have gone out.</summary>
    public async Task<int> MarkAbandonedUncertainAsync(long issueId, CancellationToken cancellationToken)
    {
        await using var command = Sql["MarkAbandonedUncertain"].Command(database.DataSource, issueId, time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The ids, in order, of who may receive an issue: subscribed before <paramref name="subscribedBefore"/> (a resend
    /// reaches no newer subscribers) and not unsubscribed. A run reads them once, then asks <see cref="PendingAsync"/> a
    /// batch at a time: each batch a lookup by primary key whatever PostgreSQL's statistics say (a range of ids after the
    /// last batch was planned, before a fresh import was analysed, as a sort of every later subscriber for every batch).
    /// </summary>
    public async Task<long[]> CandidatesAsync(DateTimeOffset subscribedBefore, CancellationToken cancellationToken)
    {
        await using var command = Sql["Candidates"].Command(database.DataSource, subscribedBefore);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return [.. ids];
    }

    /// <summary>
    /// Of <paramref name="among"/>, in id order, the active subscribers still to be sent the issue: no delivery row yet,
    /// or one deferred before <paramref name="runStarted"/> (not by this run). None once the issue is cancelled (an editor
    /// cancelled it while it was sent).
    /// </summary>
    public async Task<IReadOnlyList<Recipient>> PendingAsync(
        long issueId, long[] among, DateTimeOffset subscribedBefore, DateTimeOffset runStarted, CancellationToken cancellationToken)
    {
        await using var command = Sql["Pending"].Command(database.DataSource, issueId, among, subscribedBefore, runStarted);
        var recipients = new List<Recipient>(among.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recipients.Add(new Recipient(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return recipients;
    }

    /// <summary>
    /// In one statement and one durable commit: how claimed mails went (the server's answer, recorded as soon as a
    /// sender has it), and the recipients claimed before their mails are sent (new rows, or deferred ones).
    /// </summary>
    /// <returns>Who was claimed: not those whose row another run has settled or claimed.</returns>
    public async Task<IReadOnlySet<long>> RecordAsync(
        long issueId, IReadOnlyList<Settlement> answered, IReadOnlyList<Recipient> claims, CancellationToken cancellationToken)
    {
        await using var command = Sql["Record"].Command(
            database.DataSource,
            issueId,
            answered.Select(s => s.SubscriberId).ToArray(),
            answered.Select(s => Text(s.Status)).ToArray(),
            answered.Select(s => s.Attempts).ToArray(),
            answered.Select(s => s.ServerResponse).ToArray(),
            Rows(claims),
            time.GetUtcNow());
        return await SubscriberIdsAsync(command, cancellationToken);
    }

    /// <summary>Records that the recipient may see nothing of the issue: no mail.</summary>
    public async Task<bool> SkipAsync(long issueId, Recipient recipient, CancellationToken cancellationToken)
    {
        await using var command = Sql["Skip"].Command(database.DataSource, issueId, Rows([recipient]), time.GetUtcNow());
        return (await SubscriberIdsAsync(command, cancellationToken)).Count == 1;
    }

    /// <param name="status">Null: every delivery of the issue.</param>
    public async Task<long> CountAsync(long issueId, DeliveryStatus? status, CancellationToken cancellationToken)
    {
        await using var command = Sql["Count"].Command(database.DataSource, issueId, status is { } s ? Text(s) : null);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// An editor's decision to send an uncertain mail again: it becomes deferred, so the next run of the issue sends it
    /// (one that is sending now leaves it to the run after it, which Hangfire starts since a mail was deferred).
    /// </summary>
    /// <returns>False when the delivery is not uncertain, or its issue was cancelled.</returns>
    public async Task<bool> ReleaseUncertainAsync(long issueId, long subscriberId, CancellationToken cancellationToken)
    {
        await using var command = Sql["ReleaseUncertain"].Command(database.DataSource, issueId, subscriberId, time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>For editors: a page of an issue's deliveries by subscriber id, of one status or all, and their total.</summary>
    public async Task<DeliveryPage> ListAsync(
        long issueId, DeliveryStatus? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>();
        await using (var command = Sql["List"].Command(
            database.DataSource, issueId, status is { } s ? Text(s) : null, pageSize, (long)(page - 1) * pageSize))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deliveries.Add(new Delivery(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    Enum.Parse<DeliveryStatus>(reader.GetString(3), ignoreCase: true),
                    reader.GetInt32(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }
        return new DeliveryPage(page, pageSize, await CountAsync(issueId, status, cancellationToken), deliveries);
    }

    /// <summary>Recipients as JSON rows: each has its own array of roles, which unnest() of arrays cannot carry.</summary>
    private static NpgsqlParameter Rows(IReadOnlyList<Recipient> recipients) => new()
    {
        Value = JsonSerializer.Serialize(
            recipients.Select(r => new { subscriber_id = r.SubscriberId, roles = r.Roles, centre = r.Centre })),
        NpgsqlDbType = NpgsqlDbType.Jsonb,
    };

    private static async Task<IReadOnlySet<long>> SubscriberIdsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var ids = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    internal static string Text(DeliveryStatus status) => status.ToString().ToLowerInvariant();
}
