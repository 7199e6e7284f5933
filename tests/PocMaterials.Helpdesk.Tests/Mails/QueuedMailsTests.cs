using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;

namespace PocMaterials.Helpdesk.Tests.Mails;

/// <summary>The mail queue: a mail is claimed once, retried when told, and a claim whose host stopped is never sent again.</summary>
public sealed class QueuedMailsTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly HelpdeskDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_mail_is_claimed_once_and_a_retry_waits_for_its_time()
    {
        var mails = _db.Mails;
        var id = await QueueAsync();

        var first = await mails.ClaimAsync(Lease, CancellationToken.None);
        var meanwhile = await mails.ClaimAsync(Lease, CancellationToken.None);
        await mails.RetryAsync(first!.Id, "451 4.3.0 later", TimeSpan.FromHours(1));
        var tooSoon = await mails.ClaimAsync(Lease, CancellationToken.None);
        var due = await mails.NextDueAsync(CancellationToken.None);
        await _db.ScalarAsync("UPDATE helpdesk_mails SET next_attempt_at = now() - interval '1 second' RETURNING 1");
        var second = await mails.ClaimAsync(Lease, CancellationToken.None);
        await mails.SentAsync(second!.Id, "250 ok");

        Assert.Equal((id, 1), (first.QuestionId, first.Attempt));
        Assert.Null(meanwhile);
        Assert.Null(tooSoon);
        Assert.InRange(due!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Equal(2, second.Attempt);
        Assert.Null(await mails.ClaimAsync(Lease, CancellationToken.None));
        Assert.Null(await mails.NextDueAsync(CancellationToken.None));
        Assert.Equal(("sent", 2), (await mails.OfQuestionAsync(id, CancellationToken.None)).Select(m => (m.Status, m.Attempts)).Single());
    }

    [Fact]
    public async Task A_claim_whose_host_stopped_becomes_uncertain_and_is_never_sent_again()
    {
        var mails = _db.Mails;
        var id = await QueueAsync();
        var claimed = await mails.ClaimAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None);
        await Task.Delay(20);

        var abandoned = await mails.AbandonAsync(CancellationToken.None);

        Assert.Equal([claimed!.Id], abandoned);
        Assert.Null(await mails.ClaimAsync(Lease, CancellationToken.None));
        Assert.Equal("uncertain", (await mails.OfQuestionAsync(id, CancellationToken.None)).Single().Status);
    }

    [Fact]
    public async Task A_refused_mail_fails_and_stays_failed()
    {
        var mails = _db.Mails;
        var id = await QueueAsync();
        var claimed = await mails.ClaimAsync(Lease, CancellationToken.None);

        await mails.FailAsync(claimed!.Id, "550 5.1.1 no such user");

        Assert.Null(await mails.ClaimAsync(Lease, CancellationToken.None));
        Assert.Equal("failed", (await mails.OfQuestionAsync(id, CancellationToken.None)).Single().Status);
    }

    private async Task<long> QueueAsync()
    {
        var question = await _db.Store.RegisterAsync(HelpdeskDatabase.Question("Een vraag", DateTimeOffset.UtcNow),
            q => new OutgoingMail(OutgoingMail.QuestionKind, "an.jacobs@example.org", null, "Vraag", "<p>Vraag</p>", "Vraag"),
            CancellationToken.None);
        return question.Id;
    }
}
