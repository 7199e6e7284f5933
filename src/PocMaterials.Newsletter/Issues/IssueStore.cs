using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using PocMaterials.Content.Newsletter;
using PocMaterials.Persistence;

namespace PocMaterials.Newsletter.Issues;

/// <summary>The POC-a-tizer issues in PostgreSQL. Status changes are conditional updates, so two editors or two jobs cannot both win.</summary>
public sealed class IssueStore(Database database, TimeProvider time)
{
    private const string Columns =
        "id, month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status, composed_at, approved_at, approved_by, cancelled_at, sent_at, note";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores a newly composed issue, unless its month has one: then that one is returned.</summary>
    /// <returns>The month's issue, and whether this call created it.</returns>
    public async Task<(NewsletterIssue Issue, bool Created)> AddOnceAsync(NewsletterIssue issue, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            INSERT INTO newsletter_issues (month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status, composed_at, approved_at, approved_by, note)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (month) DO NOTHING
            RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = issue.Month });
        command.Parameters.Add(new() { Value = KindText(issue.Feature.Kind) });
        command.Parameters.Add(new() { Value = issue.Feature.Id });
        command.Parameters.Add(new() { Value = issue.FeatureReason });
        command.Parameters.Add(new() { Value = issue.IntroMarkdown });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(issue.Composition, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = StatusText(issue.Status) });
        command.Parameters.Add(new() { Value = issue.ComposedAt });
        command.Parameters.Add(new() { Value = (object?)issue.ApprovedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)issue.ApprovedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)issue.Note ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var created = await ReadOneAsync(command, cancellationToken);
        return created is not null ? (created, true) : ((await GetAsync(issue.Month, cancellationToken))!, false);
    }

    public async Task<NewsletterIssue?> GetAsync(DateOnly month, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM newsletter_issues WHERE month = $1");
        command.Parameters.Add(new() { Value = month });
        return await ReadOneAsync(command, cancellationToken);
    }

    public async Task<NewsletterIssue?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM newsletter_issues WHERE id = $1");
        command.Parameters.Add(new() { Value = id });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Issues, newest month first; <paramref name="before"/> keeps only earlier months.</summary>
    public async Task<IReadOnlyList<NewsletterIssue>> ListAsync(DateOnly? before = null, int limit = 120, IssueStatus? status = null, CancellationToken cancellationToken = default)
    {
        await using var command = database.DataSource.CreateCommand($"""
            SELECT {Columns} FROM newsletter_issues
            WHERE ($1::date IS NULL OR month < $1) AND ($2::text IS NULL OR status = $2)
            ORDER BY month DESC LIMIT $3
            """);
        command.Parameters.Add(new() { Value = (object?)before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new() { Value = status is { } s ? StatusText(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = limit });
        var issues = new List<NewsletterIssue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            issues.Add(Read(reader));
        return issues;
    }

    /// <summary>Moves an issue from one of <paramref name="from"/> to <paramref name="to"/>; null when it was in another status.</summary>
    public async Task<NewsletterIssue?> TransitionAsync(long id, IssueStatus[] from, IssueStatus to, string? editor, string? note, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            UPDATE newsletter_issues SET
                status = $3,
                approved_at = CASE WHEN $3 = 'approved' THEN $6 ELSE approved_at END,
                approved_by = CASE WHEN $3 = 'approved' THEN $4 ELSE approved_by END,
                cancelled_at = CASE WHEN $3 = 'cancelled' THEN $6 ELSE cancelled_at END,
                sent_at = CASE WHEN $3 = 'sent' THEN $6 ELSE sent_at END,
                note = $5
            WHERE id = $1 AND status = ANY ($2)
            RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = from.Select(StatusText).ToArray() });
        command.Parameters.Add(new() { Value = StatusText(to) });
        command.Parameters.Add(new() { Value = (object?)editor ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)note ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = time.GetUtcNow() });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Replaces the introduction of an issue that is not sent yet; null when it is past that.</summary>
    public async Task<NewsletterIssue?> EditIntroAsync(long id, string introMarkdown, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"""
            UPDATE newsletter_issues SET intro_markdown = $2
            WHERE id = $1 AND status IN ('composed', 'approved')
            RETURNING {Columns}
            """);
        command.Parameters.Add(new() { Value = id });
        command.Parameters.Add(new() { Value = introMarkdown });
        return await ReadOneAsync(command, cancellationToken);
    }

    internal static string StatusText(IssueStatus status) => status.ToString().ToLowerInvariant();

    private static string KindText(FeatureKind kind) => kind == FeatureKind.Theme ? "theme" : "core_process";

    private static async Task<NewsletterIssue?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static NewsletterIssue Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Month = reader.GetFieldValue<DateOnly>(1),
        Feature = new Feature(reader.GetString(2) == "theme" ? FeatureKind.Theme : FeatureKind.CoreProcess, reader.GetString(3)),
        FeatureReason = reader.GetString(4),
        IntroMarkdown = reader.GetString(5),
        Composition = JsonSerializer.Deserialize<IssueComposition>(reader.GetString(6), Json)!,
        Status = Enum.Parse<IssueStatus>(reader.GetString(7), ignoreCase: true),
        ComposedAt = reader.GetFieldValue<DateTimeOffset>(8),
        ApprovedAt = reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        ApprovedBy = reader.IsDBNull(10) ? null : reader.GetString(10),
        CancelledAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
        SentAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
        Note = reader.IsDBNull(13) ? null : reader.GetString(13),
    };
}
