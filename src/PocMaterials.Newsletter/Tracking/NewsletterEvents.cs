using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Tracking;

public enum NewsletterEventKind
{
    Open,
    Click,
    ArchiveView,
}

/// <summary>What a tracking request says about who made it.</summary>
public sealed record TrackingRequest(string Method, string? UserAgent, DateTimeOffset At);

/// <summary>The delivery a mail's open or click belongs to: whose roles and centre, and when it went out.</summary>
public sealed record DeliveredMail(long IssueId, long SubscriberId, IReadOnlyList<string> Roles, string? Centre, DateTimeOffset? SentAt);

/// <summary>
/// Opens, clicks and archive reads of the POC-a-tizer. A request that looks automated (HEAD, a known
/// scanner or privacy proxy, or within seconds of delivery) is stored apart and left out of the figures.
/// A mail's opens and clicks are counted in one row per link (first and last seen), an archive read is a row.
/// </summary>
public sealed class NewsletterEvents(Database database, IOptions<NewsletterOptions> options) : IMaterialRecords
{
    public async Task<DeliveredMail?> DeliveryAsync(long issueId, long subscriberId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT roles, centre, sent_at FROM newsletter_deliveries WHERE issue_id = $1 AND subscriber_id = $2 AND status = 'sent'");
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = subscriberId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DeliveredMail(issueId, subscriberId, reader.GetFieldValue<string[]>(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    /// <summary>Whether a request is a machine's: a HEAD, a known scanner or proxy, or one too soon after delivery to be a reader's.</summary>
    public bool IsAutomated(TrackingRequest request, DateTimeOffset? deliveredAt)
    {
        var settings = options.Value;
        return HttpMethods.IsHead(request.Method)
            || string.IsNullOrWhiteSpace(request.UserAgent)
            || settings.AutomatedUserAgents.Any(agent => request.UserAgent.Contains(agent, StringComparison.OrdinalIgnoreCase))
            || (deliveredAt is { } sent && request.At - sent < settings.ScannerWindow);
    }

    public async Task RecordAsync(long issueId, long? subscriberId, NewsletterEventKind kind, string? link, bool automated, IReadOnlyList<string> roles, string? centre, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A mail's repeated open or click adds to its row's count: links in mails are unauthenticated, so a row per
        // request would let anyone grow the table.
        await using var command = database.DataSource.CreateCommand("""
            INSERT INTO newsletter_events (issue_id, subscriber_id, kind, link, first_at, last_at, automated, roles, centre)
            VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8)
            ON CONFLICT (issue_id, subscriber_id, kind, (coalesce(link, '')), automated) WHERE subscriber_id IS NOT NULL
            DO UPDATE SET count = newsletter_events.count + 1, last_at = greatest(newsletter_events.last_at, EXCLUDED.last_at)
            """);
        command.Parameters.Add(new() { Value = issueId });
        command.Parameters.Add(new() { Value = (object?)subscriberId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new() { Value = Text(kind) });
        command.Parameters.Add(new() { Value = (object?)link ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = at });
        command.Parameters.Add(new() { Value = automated });
        command.Parameters.Add(new() { Value = roles.ToArray() });
        command.Parameters.Add(new() { Value = (object?)centre ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Moves the clicks on a renamed material to its new slug, in the rename's transaction. A reader who clicked
    /// both slugs has a row for each: they are merged, as reach merges its daily figures.
    /// </summary>
    public async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                BySlugs("""
                    UPDATE newsletter_events n SET count = n.count + o.count, first_at = least(n.first_at, o.first_at), last_at = greatest(n.last_at, o.last_at)
                    FROM newsletter_events o
                    WHERE o.kind = 'click' AND o.link = $1 AND n.kind = 'click' AND n.link = $2
                      AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated
                    """),
                BySlugs("""
                    DELETE FROM newsletter_events o
                    WHERE o.kind = 'click' AND o.link = $1 AND EXISTS (
                        SELECT 1 FROM newsletter_events n WHERE n.kind = 'click' AND n.link = $2
                          AND n.issue_id = o.issue_id AND n.subscriber_id = o.subscriber_id AND n.automated = o.automated)
                    """),
                BySlugs("UPDATE newsletter_events SET link = $2 WHERE kind = 'click' AND link = $1"),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);

        NpgsqlBatchCommand BySlugs(string sql) => new(sql) { Parameters = { new() { Value = oldSlug }, new() { Value = newSlug } } };
    }

    internal static string Text(NewsletterEventKind kind) => kind switch
    {
        NewsletterEventKind.Open => "open",
        NewsletterEventKind.Click => "click",
        _ => "archive_view",
    };
}
