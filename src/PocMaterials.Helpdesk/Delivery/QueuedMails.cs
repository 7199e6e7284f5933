using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Helpdesk.Delivery;

/// <summary>A mail claimed for sending: its row, its message and which attempt this is.</summary>
public sealed record ClaimedMail(
    long Id, long QuestionId, string Kind, string Recipient, string? ReplyTo, string Subject, string Html, string Text, int Attempt);

/// <summary>What editors see of a question's mail: never to whom.</summary>
/// <param name="Status">pending, sending, sent, uncertain (its host stopped while sending: not sent again) or failed.</param>
public sealed record MailState(long Id, string Kind, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

/// <summary>
/// The helpdesk's mails as a durable queue in PostgreSQL. A mail is enqueued in the transaction that records what it is
/// about, so an answer is never recorded without its mail nor mailed without being recorded; <see cref="HelpdeskMailer"/>
/// claims and settles them.
/// </summary>
public sealed class QueuedMails(Database database, MailSignal signal)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(QueuedMails));

    /// <summary>Adds a mail in the caller's transaction; call <see cref="MailSignal.Wake"/> once it committed.</summary>
    public static async Task EnqueueAsync(NpgsqlConnection connection, long questionId, OutgoingMail mail, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var command = Sql["Enqueue"].Command(connection, questionId, mail.Kind, mail.Recipient, mail.ReplyTo, mail.Subject,
            mail.Html, mail.Text, at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Wakes the sender of this host: a mail was committed.</summary>
    public void Wake() => signal.Wake();

    /// <summary>Claims whose host stopped while sending become uncertain; their ids.</summary>
    public async Task<IReadOnlyList<long>> AbandonAsync(CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using var command = Sql["Abandon"].Command(database.DataSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    public async Task<ClaimedMail?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = Sql["Claim"].Command(database.DataSource, lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new ClaimedMail(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
            reader.GetInt32(8));
    }

    // Settled whatever the host is doing: the server has answered.
    public Task SentAsync(long id, string answer) => RunAsync(Sql["Sent"], id, answer);

    public Task RetryAsync(long id, string error, TimeSpan after) => RunAsync(Sql["Retry"], id, error, after);

    public Task FailAsync(long id, string error) => RunAsync(Sql["Fail"], id, error);

    /// <summary>
    /// Sends an uncertain mail of a question again, at an editor's request: it may have arrived before its host stopped, so
    /// only a person who checked may choose this. False when the question has no such uncertain mail.
    /// </summary>
    public async Task<bool> ResendAsync(long questionId, long mailId, CancellationToken cancellationToken)
    {
        await using var command = Sql["Resend"].Command(database.DataSource, questionId, mailId);
        if (await command.ExecuteScalarAsync(cancellationToken) is null)
            return false;
        signal.Wake();
        return true;
    }

    /// <summary>How long until the next pending mail is due (zero when overdue); null when none waits.</summary>
    public async Task<TimeSpan?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = Sql["NextDue"].Command(database.DataSource);
        return await command.ExecuteScalarAsync(cancellationToken) is double seconds
            ? TimeSpan.FromSeconds(Math.Max(0, seconds))
            : null;
    }

    public async Task<IReadOnlyList<MailState>> OfQuestionAsync(long questionId, CancellationToken cancellationToken)
    {
        var mails = new List<MailState>();
        await using var command = Sql["OfQuestion"].Command(database.DataSource, questionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            mails.Add(new MailState(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return mails;
    }

    private static string Short(string text) => text.Length > 500 ? text[..500] + "…" : text;

    private async Task RunAsync(SqlQuery query, long id, string text, params object?[] more)
    {
        await using var command = query.Command(database.DataSource, [id, Short(RecordedText.Clean(text)), .. more]);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}

/// <summary>Wakes this host's sender when a mail was committed, so it goes out at once rather than at the next poll.</summary>
public sealed class MailSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Dispose() => _signal.Dispose();

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one wake-up sends every due mail.
        }
    }

    /// <returns>True when woken, false after <paramref name="timeout"/>.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
