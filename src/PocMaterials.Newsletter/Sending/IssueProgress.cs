using Microsoft.Extensions.Options;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// How far a send is: mails sent, waiting (not handed over yet), deferred (to be tried again), failed, uncertain,
/// skipped and bounced, and when the rest should be out at the current pace, or at the relay's limits when slower.
/// </summary>
public sealed record SendProgress(
    long Sent, long Waiting, long Deferred, long Failed, long Uncertain, long Skipped, long Bounced, double? MessagesPerMinute,
    DateTimeOffset? EstimatedEnd);

/// <summary>Reads an issue's <see cref="SendProgress"/> from PostgreSQL.</summary>
public sealed class IssueProgress(Database database, IOptions<SmtpOptions> smtp, TimeProvider time)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(IssueProgress));
    // A send just begun has a few mails in a few seconds: the pace is taken over at least this long.
    private static readonly TimeSpan ShortestPace = TimeSpan.FromSeconds(10);

    /// <returns>Null when there is no such issue.</returns>
    public async Task<SendProgress?> GetAsync(long issueId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = Sql["Counts"].Command(database.DataSource, issueId, now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        long Column(int i) => reader.GetInt64(i);
        var (sent, sending, deferred, failed, uncertain, skipped) = (Column(0), Column(1), Column(2), Column(3), Column(4), Column(5));
        var waiting = Column(6) + sending;
        var since = reader.IsDBNull(9) ? now : reader.GetFieldValue<DateTimeOffset>(9);
        var perMinute = Pace(Column(8), now - since);
        var remaining = waiting + deferred;
        DateTimeOffset? end = remaining == 0 ? null
            : perMinute is > 0 ? now + TimeSpan.FromMinutes(remaining / perMinute.Value) : null;
        return new SendProgress(sent, waiting, deferred, failed, uncertain, skipped, Column(7), perMinute, end);
    }

    /// <summary>The pace of the last minutes, held to the slowest of the relay's limits, in mails a minute.</summary>
    private double? Pace(long sentLately, TimeSpan over)
    {
        var limits = new[]
        {
            smtp.Value.MessagesPerSecond * 60.0, smtp.Value.MessagesPerMinute, smtp.Value.MessagesPerHour / 60.0,
            smtp.Value.MessagesPerDay / (24 * 60.0),
        }.Where(limit => limit > 0);
        var pace = sentLately / Math.Max(over.TotalMinutes, ShortestPace.TotalMinutes);
        var slowest = limits.DefaultIfEmpty(double.MaxValue).Min();
        return sentLately == 0 ? (slowest < double.MaxValue ? slowest : null) : Math.Min(pace, slowest);
    }
}
