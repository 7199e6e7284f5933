using System.Runtime.CompilerServices;
using Npgsql;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;
using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Reach.Feedback;

/// <summary>
/// Keeps "Was dit nuttig?" votes with the voter as reach's pseudonymous viewer (never a name or subject): one per viewer,
/// material and answer per 30 days, a later one within them replacing it. Counts by material, answer, month and reason.
/// </summary>
public sealed class MaterialFeedback(Database database, ViewerPseudonyms pseudonyms, StaffCalendar calendar, TimeProvider time)
    : IMaterialRecords
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(MaterialFeedback));

    /// <returns>True when the vote is new, false when it replaced the voter's vote of the last 30 days.</returns>
    public async Task<bool> VoteAsync(StaffMember member, FeedbackVote vote, CancellationToken cancellationToken)
    {
        var pseudonym = pseudonyms.For(member.Subject);
        string[] roles = [.. member.Roles.Order(StringComparer.Ordinal)];
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Sql["Lock"].BatchCommand(pseudonym, vote.Slug, vote.Anchor),
                Sql["InsertViewer"].BatchCommand(pseudonym),
            },
        })
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = Sql["Vote"].Command(connection, pseudonym, vote.Slug, vote.Anchor, time.GetUtcNow(), vote.Helpful,
            vote.Reason, vote.Comment, roles, member.Centre);
        var created = await command.ExecuteScalarAsync(cancellationToken) is not null;
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// The member's own votes on a material (theirs only: found by their viewer key) that a vote now would replace, so a
    /// page can show what they chose.
    /// </summary>
    public async Task<IReadOnlyList<OwnVote>> MineAsync(StaffMember member, string slug, CancellationToken cancellationToken)
    {
        var votes = new List<OwnVote>();
        await foreach (var row in QueryAsync(Sql["Mine"], cancellationToken, pseudonyms.For(member.Subject), slug, time.GetUtcNow()))
        {
            votes.Add(new OwnVote(row.GetString(0), row.GetBoolean(1), row.IsDBNull(2) ? null : row.GetString(2),
                row.IsDBNull(3) ? null : row.GetString(3), row.GetFieldValue<DateTimeOffset>(4)));
        }
        return votes;
    }

    /// <summary>The votes of the period, of one material or (<paramref name="slug"/> null) of all.</summary>
    public async Task<IReadOnlyList<FeedbackCount>> CountsAsync(ReportPeriod period, string? slug, CancellationToken cancellationToken)
    {
        var counts = new List<FeedbackCount>();
        await foreach (var row in QueryAsync(Sql["Counts"], cancellationToken, slug, period.StartIn(calendar), period.EndIn(calendar),
            calendar.Zone.Id))
        {
            counts.Add(new FeedbackCount(row.GetString(0), row.GetString(1), DateOnly.FromDateTime(row.GetDateTime(2)), row.GetBoolean(3),
                row.IsDBNull(4) ? null : row.GetString(4), row.GetInt32(5)));
        }
        return counts;
    }

    /// <summary>Per material, the period's votes that called it outdated (the review queue puts those first).</summary>
    public async Task<IReadOnlyDictionary<string, int>> OutdatedAsync(ReportPeriod period, CancellationToken cancellationToken) =>
        (await CountsAsync(period, null, cancellationToken))
            .Where(c => c.Reason == FeedbackReasons.Outdated)
            .GroupBy(c => c.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Votes), StringComparer.Ordinal);

    /// <summary>A material's latest comments of the period, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackComment>> LatestCommentsAsync(
        ReportPeriod period, string slug, int limit, CancellationToken cancellationToken)
    {
        var comments = new List<FeedbackComment>();
        await foreach (var row in QueryAsync(Sql["LatestComments"], cancellationToken, slug, period.StartIn(calendar),
            period.EndIn(calendar), limit))
        {
            var day = calendar.DayOf(row.GetFieldValue<DateTimeOffset>(3));
            comments.Add(new FeedbackComment(row.GetString(0), row.GetString(1), row.GetString(2), day));
        }
        return comments;
    }

    /// <summary>A renamed material's votes follow it, in the rename's transaction.</summary>
    public async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var command = Sql["Move"].Command(connection, oldSlug, newSlug);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async IAsyncEnumerable<NpgsqlDataReader> QueryAsync(
        SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = query.Command(database.DataSource,
            [.. values.Select(value => value is DateTimeOffset at ? at.ToUniversalTime() : value)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            yield return reader;
    }
}
