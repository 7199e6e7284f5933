using System.Data;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Content.Newsletter;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Issues;

/// <summary>
/// The POC-a-tizer issues in PostgreSQL. Status changes are conditional updates, so two editors or two jobs cannot
/// both win.
/// </summary>
public sealed class IssueStore(Database database, TimeProvider time)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(IssueStore));
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stores a newly composed issue, unless its month has one that is not cancelled: then that one is returned. A month
    /// whose issues were all cancelled gets a new one; the cancelled ones stay as its history.
    /// </summary>
    /// <returns>The month's issue, and whether this call created it.</returns>
    public async Task<(NewsletterIssue Issue, bool Created)> AddOnceAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        // Again when the issue in the way was cancelled between the insert and the read: then the insert goes through.
        while (true)
        {
            await using var command = Sql["AddOnce"].Command(
                database.DataSource,
                issue.Month,
                KindText(issue.Feature.Kind),
                issue.Feature.Id,
                issue.FeatureReason,
                issue.IntroMarkdown,
                new NpgsqlParameter { Value = JsonSerializer.Serialize(issue.Composition, Json), NpgsqlDbType = NpgsqlDbType.Jsonb },
                StatusText(issue.Status),
                issue.ComposedAt,
                issue.ApprovedAt,
                issue.ApprovedBy,
                issue.Note);
            if (await ReadOneAsync(command, cancellationToken) is { } created)
                return (created, true);
            if (await GetAsync(issue.Month, cancellationToken) is { } existing)
                return (existing, false);
        }
    }

    /// <summary>The month's issue, unless it was cancelled: a month has at most one issue that is not.</summary>
    public async Task<NewsletterIssue?> GetAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var command = Sql["GetByMonth"].Command(database.DataSource, month);
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<NewsletterIssue?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = Sql["GetById"].Command(database.DataSource, id);
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Issues, newest month first; <paramref name="before"/> keeps only earlier months.</summary>
    public async Task<IReadOnlyList<NewsletterIssue>> ListAsync(
        DateOnly? before = null, int limit = 120, IssueStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var command = Sql["List"].Command(
            database.DataSource, before, status is { } s ? StatusText(s) : null, limit);
        var issues = new List<NewsletterIssue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            issues.Add(Read(reader));
        return issues;
    }

    /// <summary>Moves an issue from one of <paramref name="from"/> to <paramref name="to"/>; null when it was in another status.</summary>
    public async Task<NewsletterIssue?> TransitionAsync(
        long id, IssueStatus[] from, IssueStatus to, string? editor, string? note, CancellationToken cancellationToken)
    {
        await using var command = Sql["Transition"].Command(
            database.DataSource, id, from.Select(StatusText).ToArray(), StatusText(to), editor, note, time.GetUtcNow());
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Replaces the introduction of an issue that is not sent yet; null when it is past that.</summary>
    public async Task<NewsletterIssue?> EditIntroAsync(long id, string introMarkdown, CancellationToken cancellationToken)
    {
        await using var command = Sql["EditIntro"].Command(database.DataSource, id, introMarkdown);
        return await ReadOneAsync(command, cancellationToken);
    }

    internal static string StatusText(IssueStatus status) => status.ToString().ToLowerInvariant();

    private static string KindText(FeatureKind kind) => kind == FeatureKind.Theme ? "theme" : "core_process";

    private static async Task<NewsletterIssue?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    // By name: every statement of the .sql file returns the same fourteen columns, in an order this need not repeat.
    private static NewsletterIssue Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetFieldValue<long>("id"),
        Month = reader.GetFieldValue<DateOnly>("month"),
        Feature = new Feature(
            reader.GetFieldValue<string>("feature_kind") == "theme" ? FeatureKind.Theme : FeatureKind.CoreProcess,
            reader.GetFieldValue<string>("feature_id")),
        FeatureReason = reader.GetFieldValue<string>("feature_reason"),
        IntroMarkdown = reader.GetFieldValue<string>("intro_markdown"),
        Composition = JsonSerializer.Deserialize<IssueComposition>(reader.GetFieldValue<string>("composition"), Json)!,
        Status = Enum.Parse<IssueStatus>(reader.GetFieldValue<string>("status"), ignoreCase: true),
        ComposedAt = reader.GetFieldValue<DateTimeOffset>("composed_at"),
        ApprovedAt = reader.GetFieldValue<DateTimeOffset?>("approved_at"),
        ApprovedBy = TextOrNull(reader, "approved_by"),
        CancelledAt = reader.GetFieldValue<DateTimeOffset?>("cancelled_at"),
        SentAt = reader.GetFieldValue<DateTimeOffset?>("sent_at"),
        Note = TextOrNull(reader, "note"),
    };

    private static string? TextOrNull(NpgsqlDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
