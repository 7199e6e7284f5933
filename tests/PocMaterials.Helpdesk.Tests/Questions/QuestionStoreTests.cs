using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Tests.Questions;

/// <summary>Questions and their answers in PostgreSQL: registered with their mail, listed, answered, scored, moved by a rename.</summary>
public sealed class QuestionStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly HelpdeskDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_question_is_registered_with_its_mail_in_one_go_and_read_back_without_its_asker()
    {
        var store = _db.Store;
        var asked = await store.RegisterAsync(HelpdeskDatabase.Question("Wie vraagt leersteun aan?", Monday, email: "els@example.org"),
            q => new OutgoingMail(OutgoingMail.QuestionKind, "an.jacobs@example.org", null, $"Vraag {q.Id}", "<p>x</p>", "x"),
            CancellationToken.None);

        var read = await store.GetAsync(asked.Id, CancellationToken.None);
        Assert.NotNull(read);
        Assert.Equal(QuestionStatus.Open, read.Status);
        Assert.True(read.AnswerByMail);
        Assert.Equal(Monday, read.AskedAt);
        Assert.Equal(1, await _db.ScalarAsync($"SELECT count(*) FROM helpdesk_mails WHERE question_id = {asked.Id} AND kind = 'question' "
            + $"AND recipient = 'an.jacobs@example.org' AND subject = 'Vraag {asked.Id}' AND status = 'pending'"));
        Assert.Equal(["question"], (await _db.Mails.OfQuestionAsync(asked.Id, CancellationToken.None)).Select(m => m.Kind));
    }

    [Fact]
    public async Task A_list_shows_open_questions_first_then_the_newest_and_filters_by_theme_month_and_status()
    {
        var store = _db.Store;
        var old = await Register(store, "Oud", Monday.AddDays(-40));
        var answered = await Register(store, "Beantwoord", Monday.AddDays(1));
        var open = await Register(store, "Open", Monday);
        var other = await Register(store, "Ander thema", Monday.AddDays(2), theme: "beroepsgeheim-en-drm");
        await Answer(store, answered.Id, Monday.AddDays(2));

        var all = await store.ListAsync(new QuestionFilter(null, null, null, null), 1, 10, CancellationToken.None);
        var october = new QuestionFilter("decreet-leersteun", Monday.AddDays(-4), Monday.AddDays(26), null);
        var leersteun = await store.ListAsync(october, 1, 10, CancellationToken.None);
        var onlyAnswered = await store.ListAsync(october with { Status = QuestionStatus.Answered }, 1, 10, CancellationToken.None);
        var secondPage = await store.ListAsync(new QuestionFilter(null, null, null, null), 2, 3, CancellationToken.None);

        Assert.Equal([other.Id, open.Id, old.Id, answered.Id], all.Items.Select(q => q.Id));
        Assert.Equal(4, all.Total);
        Assert.Equal([open.Id, answered.Id], leersteun.Items.Select(q => q.Id));
        Assert.Equal([answered.Id], onlyAnswered.Items.Select(q => q.Id));
        Assert.Equal(4, secondPage.Total);
        Assert.Equal([answered.Id], secondPage.Items.Select(q => q.Id));
    }

    [Fact]
    public async Task An_answer_is_mailed_only_to_a_known_address_and_a_correction_keeps_the_first_answers_time()
    {
        var store = _db.Store;
        var withAddress = await Register(store, "Met adres", Monday, email: "els@example.org");
        var withoutAddress = await Register(store, "Zonder adres", Monday);

        Assert.Equal(AnswerOutcome.Answered, await Answer(store, withAddress.Id, Monday.AddHours(3), minutes: 15));
        Assert.Equal(AnswerOutcome.Answered, await Answer(store, withAddress.Id, Monday.AddHours(5), text: "Verbeterd."));
        Assert.Equal(AnswerOutcome.Answered, await Answer(store, withoutAddress.Id, Monday.AddHours(1)));

        var read = (await store.GetAsync(withAddress.Id, CancellationToken.None))!;
        Assert.Equal((QuestionStatus.Answered, "Verbeterd.", 15), (read.Status, read.Answer!.Text, read.Minutes));
        Assert.Equal((Monday.AddHours(3), Monday.AddHours(5)), (read.Answer.FirstAnsweredAt, read.Answer.AnsweredAt));
        Assert.Equal(["fiche-leersteun"], read.Answer.Materials);
        Assert.Equal(2, await _db.ScalarAsync(
            $"SELECT count(*) FROM helpdesk_mails WHERE question_id = {withAddress.Id} AND recipient = 'els@example.org'"));
        Assert.Equal(0, await _db.ScalarAsync($"SELECT count(*) FROM helpdesk_mails WHERE question_id = {withoutAddress.Id}"));
        var times = await store.AnswerTimesAsync(new QuestionFilter(null, null, null, null), CancellationToken.None);
        Assert.Equal((2, 2.0, 2.0), (times.Answered, times.MedianHours, times.MeanHours));
    }

    [Fact]
    public async Task A_closed_question_takes_no_answer_until_reopened_and_a_score_needs_an_answer()
    {
        var store = _db.Store;
        var question = await Register(store, "Gesloten", Monday);
        Assert.False(await store.RecordSatisfactionAsync(question.Id, 4, Monday, CancellationToken.None));
        Assert.True(await store.SetStatusAsync(question.Id, QuestionStatus.Closed, CancellationToken.None));

        Assert.Equal(AnswerOutcome.Closed, await Answer(store, question.Id, Monday.AddHours(1)));
        Assert.Equal(AnswerOutcome.NotFound, await Answer(store, 987_654, Monday.AddHours(1)));
        Assert.True(await store.SetStatusAsync(question.Id, QuestionStatus.Open, CancellationToken.None));
        Assert.Equal(AnswerOutcome.Answered, await Answer(store, question.Id, Monday.AddHours(2)));
        Assert.True(await store.RecordSatisfactionAsync(question.Id, 2, Monday.AddHours(3), CancellationToken.None));
        Assert.True(await store.RecordSatisfactionAsync(question.Id, 5, Monday.AddHours(4), CancellationToken.None));
        Assert.False(await store.SetStatusAsync(987_654, QuestionStatus.Closed, CancellationToken.None));

        var scored = await store.GetAsync(question.Id, CancellationToken.None);
        Assert.Equal(new SatisfactionScore(5, Monday.AddHours(4)), scored!.Satisfaction);
    }

    [Fact]
    public async Task A_renamed_material_takes_its_questions_answers_and_faq_questions_along()
    {
        var store = _db.Store;
        var about = await store.RegisterAsync(HelpdeskDatabase.Question("Over de fiche", Monday) with { MaterialSlug = "fiche-leersteun" },
            _ => null, CancellationToken.None);
        await Answer(store, about.Id, Monday.AddHours(1));
        await store.RecordFaqAsync(about.Id, "fiche-leersteun", "over-de-fiche", CancellationToken.None);

        await using (var connection = await _db.Database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await store.MoveAsync(connection, transaction, "fiche-leersteun", "fiche-leersteun-2026", CancellationToken.None);
            await transaction.CommitAsync();
        }

        var moved = (await store.GetAsync(about.Id, CancellationToken.None))!;
        Assert.Equal("fiche-leersteun-2026", moved.MaterialSlug);
        Assert.Equal(["fiche-leersteun-2026"], moved.Answer!.Materials);
        Assert.Equal(new FaqLink("fiche-leersteun-2026", "over-de-fiche"), moved.Faq);
    }

    private static Task<HelpdeskQuestion> Register(
        QuestionStore store, string text, DateTimeOffset at, string theme = "decreet-leersteun", string? email = null) =>
        store.RegisterAsync(HelpdeskDatabase.Question(text, at, theme, email: email), _ => null, CancellationToken.None);

    private static Task<AnswerOutcome> Answer(QuestionStore store, long id, DateTimeOffset at, int? minutes = null, string text = "Zo.") =>
        store.AnswerAsync(id, text, ["fiche-leersteun"], minutes, "editor-subject", at,
            (q, email) => new OutgoingMail(OutgoingMail.AnswerKind, email, null, "Antwoord", $"<p>{q.Answer!.Text}</p>", q.Answer.Text),
            CancellationToken.None);
}
