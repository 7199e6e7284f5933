using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

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
public sealed record DeliveredMail(
    long IssueId, long SubscriberId, IReadOnlyList<string> Roles, string? Centre, DateTimeOffset? SentAt);

/// <summary>
/// Opens, clicks and archive reads of the POC-a-tizer. A request that looks automated (HEAD, a known
/// scanner or privacy proxy, or within seconds of delivery) is stored apart and left out of the figures.
/// A mail's opens and clicks are counted in one row per link (first and last seen), an archive read is a row.
/// </summary>
public sealed class NewsletterEvents(Database database, IOptions<NewsletterOptions> options) : IMaterialRecords
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(NewsletterEvents));

    public async Task<DeliveredMail?> DeliveryAsync(long issueId, long subscriberId, CancellationToken cancellationToken)
    {
        await using var command = Sql["Delivery"].Command(database.DataSource, issueId, subscriberId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new DeliveredMail(
            issueId,
            subscriberId,
            reader.GetFieldValue<string[]>(0),
            reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
    }

    /// <summary>
    /// Whether a request is a machine's: a HEAD, a known scanner or proxy, or one too soon after delivery to be a reader's.
    /// </summary>
    public bool IsAutomated(TrackingRequest request, DateTimeOffset? deliveredAt)
    {
        var settings = options.Value;
        return HttpMethods.IsHead(request.Method)
            || string.IsNullOrWhiteSpace(request.UserAgent)
            || settings.AutomatedUserAgents.Any(agent => request.UserAgent.Contains(agent, StringComparison.OrdinalIgnoreCase))
            || (deliveredAt is { } sent && request.At - sent < settings.ScannerWindow);
    }

    public async Task RecordAsync(
        long issueId,
        long? subscriberId,
        NewsletterEventKind kind,
        string? link,
        bool automated,
        IReadOnlyList<string> roles,
        string? centre,
        DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = Sql["Record"].Command(
            database.DataSource, issueId, subscriberId, Text(kind), link, at, automated, roles.ToArray(), centre);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Moves the clicks on a renamed material to its new slug, in the rename's transaction.</summary>
    public async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Sql["MergeMovedClicks"].BatchCommand(oldSlug, newSlug),
                Sql["DeleteMergedClicks"].BatchCommand(oldSlug, newSlug),
                Sql["MoveClicks"].BatchCommand(oldSlug, newSlug),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string Text(NewsletterEventKind kind) => kind switch
    {
        NewsletterEventKind.Open => "open",
        NewsletterEventKind.Click => "click",
        _ => "archive_view",
    };
}
