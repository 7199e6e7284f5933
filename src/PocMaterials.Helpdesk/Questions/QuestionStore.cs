using Npgsql;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Helpdesk.Questions;

/// <summary>A question, with the time it was asked and its status, among which similar ones are looked for.</summary>
public sealed record QuestionText(long Id, string Text, DateTimeOffset AskedAt, string Status);

/// <summary>What became of an answer: recorded (with the asker's mail when their address is known), or why not.</summary>
public enum AnswerOutcome
{
    Answered,
    NotFound,
    Closed,
}

/// <summary>
/// Keeps helpdesk questions, their answers, scores and the FAQ questions they became. A question's or an answer's mail is
/// queued in the same transaction, so neither is recorded without its mail. A rename moves what is kept by slug.
/// </summary>
public sealed class QuestionStore(Database database, QueuedMails mails, WorkingHours workingHours) : IMaterialRecords
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(QuestionStore));

    /// <param name="mailFor">The mail about the new question, if any (the contact's), composed once its id is known.</param>
    public async Task<HelpdeskQuestion> RegisterAsync(
        NewQuestion question, Func<HelpdeskQuestion, OutgoingMail?> mailFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long id;
        await using (var insert = Sql["Insert"].Command(connection, question.AskedAt.ToUniversalTime(), question.Channel, question.Text,
            question.Theme, question.CoreProcess, question.MaterialSlug, question.Roles.ToArray(), question.Centre, question.Asker,
            question.AskerEmail, question.RegisteredBy, question.Minutes))
        {
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }
        var registered = new HelpdeskQuestion(id, question.AskedAt, question.Channel, question.Text, question.Theme,
            question.CoreProcess, question.MaterialSlug, question.Roles, question.Centre, question.RegisteredBy, question.Minutes,
            QuestionStatus.Open, null, null, null, question.AskerEmail is not null);
        var mail = mailFor(registered);
        if (mail is not null)
            await QueuedMails.EnqueueAsync(connection, id, mail, question.AskedAt.ToUniversalTime(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (mail is not null)
            mails.Wake();
        return registered;
    }

    public async Task<HelpdeskQuestion?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await ReadAsync(Sql["Get"].Command(database.DataSource, id), cancellationToken)).SingleOrDefault();

    /// <summary>A page of the filter's questions, open ones first, then the newest; and how many the filter holds.</summary>
    public async Task<(int Total, IReadOnlyList<HelpdeskQuestion> Items)> ListAsync(
        QuestionFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var count = Sql["Count"].Command(database.DataSource, Values(filter));
        var total = (int)(await count.ExecuteScalarAsync(cancellationToken))!;
        var items = await ReadAsync(
            Sql["List"].Command(database.DataSource, [.. Values(filter), pageSize, (page - 1) * pageSize]), cancellationToken);
        return (total, items);
    }

    /// <summary>The texts of the newest <paramref name="limit"/> questions of the filter, newest first.</summary>
    public async Task<IReadOnlyList<QuestionText>> TextsAsync(QuestionFilter filter, int limit, CancellationToken cancellationToken)
    {
        var texts = new List<QuestionText>();
        await using var command = Sql["Texts"].Command(database.DataSource, [.. Values(filter), limit]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(new QuestionText(
                reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3)));
        }
        return texts;
    }

    public async Task<AnswerTimes> AnswerTimesAsync(QuestionFilter filter, CancellationToken cancellationToken)
    {
        await using var command = Sql["Answered"].Command(database.DataSource, Values(filter));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var answered = new List<(DateTimeOffset, DateTimeOffset)>();
        while (await reader.ReadAsync(cancellationToken))
            answered.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return workingHours.Of(answered);
    }

    /// <summary>Records an answer (a later one corrects it) and queues its mail to the asker when their address is known.</summary>
    /// <param name="mailFor">The answer's mail to the asker's address, given the question as answered.</param>
    public async Task<AnswerOutcome> AnswerAsync(long id, string answer, IReadOnlyList<string> materials, int? minutes, string editor,
        DateTimeOffset at, Func<HelpdeskQuestion, string, OutgoingMail> mailFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string? email;
        await using (var locked = Sql["Lock"].Command(connection, id))
        await using (var reader = await locked.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
                return AnswerOutcome.NotFound;
            if (reader.GetString(0) == QuestionStatus.Closed)
                return AnswerOutcome.Closed;
            email = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        await using (var update = Sql["Answer"].Command(connection, id, answer, materials.ToArray(), minutes, at.ToUniversalTime(), editor))
            await update.ExecuteNonQueryAsync(cancellationToken);
        if (email is not null)
        {
            var answered = (await ReadAsync(Sql["Get"].Command(connection, id), cancellationToken)).Single();
            await QueuedMails.EnqueueAsync(connection, id, mailFor(answered, email), at.ToUniversalTime(), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (email is not null)
            mails.Wake();
        return AnswerOutcome.Answered;
    }

    /// <returns>False when there is no such question.</returns>
    public Task<bool> SetStatusAsync(long id, string status, CancellationToken cancellationToken) =>
        UpdateAsync(Sql["SetStatus"], cancellationToken, id, status);

    public Task<bool> SetMinutesAsync(long id, int? minutes, CancellationToken cancellationToken) =>
        UpdateAsync(Sql["SetMinutes"], cancellationToken, id, minutes);

    /// <returns>False when there is no such question, or it has no answer to be satisfied with.</returns>
    public Task<bool> RecordSatisfactionAsync(long id, int score, DateTimeOffset at, CancellationToken cancellationToken) =>
        UpdateAsync(Sql["Satisfaction"], cancellationToken, id, (short)score, at.ToUniversalTime());

    public Task<bool> RecordFaqAsync(long id, string slug, string anchor, CancellationToken cancellationToken) =>
        UpdateAsync(Sql["Faq"], cancellationToken, id, slug, anchor);

    /// <summary>A renamed material's questions, answers' links and FAQ questions follow it, in the rename's transaction.</summary>
    public async Task MoveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var command = Sql["Move"].Command(connection, oldSlug, newSlug);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static object?[] Values(QuestionFilter filter) =>
        [filter.Theme, filter.From?.ToUniversalTime(), filter.To?.ToUniversalTime(), filter.Status];

    private async Task<bool> UpdateAsync(SqlQuery query, CancellationToken cancellationToken, params object?[] values)
    {
        await using var command = query.Command(database.DataSource, values);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static async Task<List<HelpdeskQuestion>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var questions = new List<HelpdeskQuestion>();
        await using (command)
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                questions.Add(Read(reader));
        }
        return questions;
    }

    private static HelpdeskQuestion Read(NpgsqlDataReader row)
    {
        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        DateTimeOffset? At(int i) => row.IsDBNull(i) ? null : row.GetFieldValue<DateTimeOffset>(i);
        var answer = Text(12) is { } text
            ? new QuestionAnswer(text, row.GetFieldValue<string[]>(13), At(14)!.Value, At(15)!.Value, row.GetString(16))
            : null;
        return new HelpdeskQuestion(row.GetInt64(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2), row.GetString(3),
            row.GetString(4), Text(5), Text(6), row.GetFieldValue<string[]>(7), Text(8), Text(9),
            row.IsDBNull(10) ? null : row.GetInt32(10), row.GetString(11), answer,
            row.IsDBNull(17) ? null : new SatisfactionScore(row.GetInt16(17), At(18)!.Value),
            Text(19) is { } slug ? new FaqLink(slug, row.GetString(20)) : null, row.GetBoolean(21));
    }
}
