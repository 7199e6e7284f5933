using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// Sending through a real SMTP server that counts what arrives: exactly one mail per recipient, with what their
/// roles may see, nothing for who may see nothing, refusals recorded, and every time by the host's clock.
/// </summary>
public sealed class IssueSenderTests : IAsyncLifetime
{
    private readonly SendingSetup _send = new();

    private NewsletterDatabase Db => _send.Db;
    private TestSmtpServer Smtp => _send.Smtp;

    public Task InitializeAsync() => _send.InitializeAsync();

    public Task DisposeAsync() => _send.DisposeAsync();

    [Fact]
    public async Task Every_active_subscriber_gets_exactly_one_mail_with_only_what_their_roles_may_see()
    {
        var staff = await _send.SubscribersAsync("staff", 25);
        var doctor = await Db.SubscriberAsync("dokter@example.org", "Dokter Jan", ["arts"], "brussel");
        await Db.ExecuteAsync("UPDATE newsletter_subscribers SET unsubscribed_at = now() WHERE email = 'staff-3@example.org'");
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun", "medisch-leersteun"]);

        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        foreach (var address in staff.Where(a => a != "staff-3@example.org"))
            Assert.Single(Smtp.MessagesTo(address));
        Assert.Empty(Smtp.MessagesTo("staff-3@example.org"));
        var mail = Smtp.MessagesTo("staff-1@example.org").Single().Parse();
        Assert.DoesNotContain("Medische fiche", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Medische fiche", Smtp.MessagesTo("dokter@example.org").Single().Parse().HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith(
            "<https://poc.example.org/newsletter/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("Dag Staff 1,", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        Assert.Equal(25, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
        Assert.True(doctor > 0);
    }

    [Fact]
    public async Task A_recipient_who_may_see_nothing_gets_no_mail()
    {
        await _send.SubscribersAsync("leeg", 3);
        await Db.SubscriberAsync("arts-leeg@example.org", "Arts", ["arts"]);
        var issue = await _send.ApprovedIssueAsync(["medisch-leersteun"]);

        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Empty(Smtp.MessagesTo("leeg-1@example.org"));
        Assert.Single(Smtp.MessagesTo("arts-leeg@example.org"));
        Assert.Equal(3, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'skipped'"));
    }

    [Fact]
    public async Task Refused_recipients_are_recorded_with_the_answer_and_transient_refusals_are_tried_again_by_a_later_run()
    {
        var all = await _send.SubscribersAsync("weiger", 6);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour
        {
            RejectPermanently = ["weiger-2@example.org"],
            RejectTransiently = ["weiger-4@example.org"],
        });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        await Assert.ThrowsAsync<DeferredMailsException>(() => _send.Sender().SendAsync(issue.Id, CancellationToken.None));
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { RejectPermanently = ["weiger-2@example.org"] });
        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Empty(Smtp.MessagesTo("weiger-2@example.org"));
        foreach (var address in all.Where(a => a != "weiger-2@example.org"))
            Assert.Single(Smtp.MessagesTo(address));
        var refused = Assert.Single((await new DeliveryStore(Db.Database, TimeProvider.System)
            .ListAsync(issue.Id, DeliveryStatus.Failed, 1, 10, CancellationToken.None)).Deliveries);
        Assert.Equal(("weiger-2@example.org", 1), (refused.Email, refused.Attempts));
        Assert.StartsWith("550", refused.ServerResponse, StringComparison.Ordinal);
        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_send_records_every_time_by_the_hosts_clock()
    {
        await _send.SubscribersAsync("klok", 2);
        var clock = new TestClock(new DateTimeOffset(2027, 1, 4, 6, 0, 0, TimeSpan.Zero));
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"], new IssueStore(Db.Database, clock));

        await _send.Sender(time: clock).SendAsync(issue.Id, CancellationToken.None);

        var sent = (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        Assert.Equal((clock.Now, clock.Now), (sent.ApprovedAt, sent.SentAt));
        Assert.Equal(
            2, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE sent_at = $1 AND updated_at = $1", clock.Now));
    }
}
