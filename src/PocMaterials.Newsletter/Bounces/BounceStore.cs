using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Bounces;

/// <summary>An address suppressed now, with the bounce that decided it.</summary>
public sealed record SuppressedAddress(
    long SubscriberId, string Email, string Name, string Reason, DateTimeOffset SuppressedAt, string? Status, string? Diagnostic,
    long? IssueId);

/// <summary>A page of suppressed addresses and how many there are in all.</summary>
public sealed record SuppressedPage(IReadOnlyList<SuppressedAddress> Addresses, long Total);

/// <summary>An issue's bounces by kind, and how many addresses they suppressed.</summary>
public sealed record IssueBounces(long Hard, long Soft, long Complaints, long Suppressed);

/// <summary>Bounces in PostgreSQL, and the suppression rules: one hard bounce or complaint, or enough soft bounces.</summary>
public sealed class BounceStore(Database database, TimeProvider time)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(BounceStore));

    /// <summary>
    /// Records bounces, each once per message, in order, and suppresses their addresses when due: one transaction for
    /// them all, as a mailbox is read a batch at a time.
    /// </summary>
    /// <returns>Per bounce, the suppression reason when it suppressed the address; null otherwise.</returns>
    public async Task<IReadOnlyList<string?>> RecordAsync(
        IReadOnlyList<BounceNotice> notices, int softLimit, int softDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reasons = new List<string?>(notices.Count);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var notice in notices)
        {
            var delivery = notice.Delivery ?? throw new ArgumentException("A bounce names its delivery.", nameof(notices));
            await using var record = Sql["Record"].Command(connection, notice.Key, delivery.SubscriberId, delivery.IssueId,
                KindText(notice.Kind), notice.Status, notice.Diagnostic, now);
            string? reason = null;
            if (await record.ExecuteScalarAsync(cancellationToken) is long id)
            {
                await using var suppress = Sql["SuppressIfDue"].Command(connection, id, now, softLimit, softDays);
                reason = await suppress.ExecuteScalarAsync(cancellationToken) as string;
            }
            reasons.Add(reason);
        }
        await transaction.CommitAsync(cancellationToken);
        return reasons;
    }

    public async Task<SuppressedPage> SuppressedAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = Sql["Suppressed"].Command(database.DataSource, (page - 1) * pageSize, pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var addresses = new List<SuppressedAddress>();
        long total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            addresses.Add(new SuppressedAddress(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt64(7)));
            total = reader.GetInt64(8);
        }
        return new SuppressedPage(addresses, total);
    }

    /// <returns>The reason that was lifted, or null when the address was not suppressed.</returns>
    public async Task<string?> ReactivateAsync(long subscriberId, string editor, CancellationToken cancellationToken)
    {
        await using var command = Sql["Reactivate"].Command(database.DataSource, subscriberId, time.GetUtcNow(), editor);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IssueBounces> IssueCountsAsync(long issueId, CancellationToken cancellationToken)
    {
        await using var command = Sql["IssueCounts"].Command(database.DataSource, issueId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IssueBounces(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static string KindText(BounceKind kind) => kind switch
    {
        BounceKind.Hard => "hard",
        BounceKind.Soft => "soft",
        BounceKind.Complaint => "complaint",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An automatic reply is not a bounce."),
    };
}
