using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// Sending through a real SMTP server (aiosmtpd) that counts what arrives: exactly one mail per
/// recipient whatever the server refuses, drops or the runs do, and nothing for who may see nothing.
/// </summary>
public sealed class IssueSenderTests : IAsyncLifetime
{
    private TestSmtpServer _smtp = null!;
    private readonly NewsletterDatabase _db = new();

    public async Task InitializeAsync()
    {
        _smtp = await TestSmtpServer.StartAsync();
        await _db.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Every_active_subscriber_gets_exactly_one_mail_with_only_what_their_roles_may_see()
    {
        var staff = await SubscribersAsync("staff", 25);
        var doctor = await _db.SubscriberAsync("dokter@example.org", "Dokter Jan", ["arts"], "brussel");
        await _db.ExecuteAsync("UPDATE newsletter_subscribers SET unsubscribed_at = now() WHERE email = 'staff-3@example.org'");
        var issue = await ApprovedIssueAsync(["faq-leersteun", "medisch-leersteun"]);

        await Sender().SendAsync(issue.Id, CancellationToken.None);

        foreach (var address in staff.Where(a => a != "staff-3@example.org"))
            Assert.Single(_smtp.MessagesTo(address));
        Assert.Empty(_smtp.MessagesTo("staff-3@example.org"));
        var mail = _smtp.MessagesTo("staff-1@example.org").Single().Parse();
        Assert.DoesNotContain("Medische fiche", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Medische fiche", _smtp.MessagesTo("dokter@example.org").Single().Parse().HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith("<https://poc.example.org/newsletter/unsubscribe?token=", mail.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Contains("Dag Staff 1,", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(IssueStatus.Sent, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        Assert.Equal(25, await _db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
        Assert.True(doctor > 0);
    }

    [Fact]
    public async Task A_recipient_who_may_see_nothing_gets_no_mail()
    {
        await SubscribersAsync("leeg", 3);
        await _db.SubscriberAsync("arts-leeg@example.org", "Arts", ["arts"]);
        var issue = await ApprovedIssueAsync(["medisch-leersteun"]);

        await Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Empty(_smtp.MessagesTo("leeg-1@example.org"));
        Assert.Single(_smtp.MessagesTo("arts-leeg@example.org"));
        Assert.Equal(3, await _db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'skipped'"));
    }

    [Fact]
    public async Task Refused_recipients_are_recorded_with_the_answer_and_transient_refusals_are_tried_again_by_a_later_run()
    {
        var all = await SubscribersAsync("weiger", 6);
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { RejectPermanently = ["weiger-2@example.org"], RejectTransiently = ["weiger-4@example.org"] });
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);

        await Assert.ThrowsAsync<DeferredMailsException>(() => Sender().SendAsync(issue.Id, CancellationToken.None));
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { RejectPermanently = ["weiger-2@example.org"] });
        await Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Empty(_smtp.MessagesTo("weiger-2@example.org"));
        foreach (var address in all.Where(a => a != "weiger-2@example.org"))
            Assert.Single(_smtp.MessagesTo(address));
        var refused = (await new DeliveryStore(_db.Database, TimeProvider.System).ListAsync(issue.Id, DeliveryStatus.Failed, 10, CancellationToken.None)).Single();
        Assert.Equal(("weiger-2@example.org", 1), (refused.Email, refused.Attempts));
        Assert.StartsWith("550", refused.ServerResponse, StringComparison.Ordinal);
        Assert.Equal(IssueStatus.Sent, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_server_failing_mid_run_stops_the_issue_and_the_resumed_run_sends_the_rest_once()
    {
        var all = await SubscribersAsync("uitval", 30);
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { AcceptMessages = 5 });
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);
        var options = new SmtpOptions { Workers = 2, MaxAttempts = 2, MaxConsecutiveFailures = 3 };

        await Sender(options).SendAsync(issue.Id, CancellationToken.None);
        var stopped = (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        await _smtp.SetBehaviourAsync(new SmtpBehaviour());
        await _db.Issues.TransitionAsync(issue.Id, [IssueStatus.Stopped], IssueStatus.Approved, "redacteur", null, CancellationToken.None);
        await Sender(options).SendAsync(issue.Id, CancellationToken.None);

        Assert.Equal(IssueStatus.Stopped, stopped.Status);
        Assert.Contains("421", stopped.Note, StringComparison.Ordinal);
        foreach (var address in all)
            Assert.Single(_smtp.MessagesTo(address));
        Assert.Equal(IssueStatus.Sent, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Two_runs_at_once_send_each_mail_once()
    {
        var all = await SubscribersAsync("dubbel", 30);
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(20) });
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);

        await Task.WhenAll(Sender().SendAsync(issue.Id, CancellationToken.None), Sender().SendAsync(issue.Id, CancellationToken.None));

        foreach (var address in all)
            Assert.Single(_smtp.MessagesTo(address));
    }

    [Fact]
    public async Task Mails_a_killed_run_left_unsettled_become_uncertain_and_go_again_only_when_an_editor_says_so()
    {
        var all = await SubscribersAsync("gestopt", 8);
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);
        // What a run killed between handing two mails to the server and recording them leaves behind.
        await _db.ExecuteAsync("""
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles)
            SELECT $1, id, 'sending', now(), roles FROM newsletter_subscribers WHERE email IN ('gestopt-1@example.org', 'gestopt-2@example.org')
            """, issue.Id);
        await _db.Issues.TransitionAsync(issue.Id, [IssueStatus.Approved], IssueStatus.Sending, null, null, CancellationToken.None);

        await Sender().SendAsync(issue.Id, CancellationToken.None);
        var deliveries = new DeliveryStore(_db.Database, TimeProvider.System);
        var uncertain = await deliveries.ListAsync(issue.Id, DeliveryStatus.Uncertain, 10, CancellationToken.None);
        Assert.Equal(["gestopt-1@example.org", "gestopt-2@example.org"], uncertain.Select(d => d.Email));
        Assert.Empty(_smtp.MessagesTo("gestopt-1@example.org"));
        Assert.True(await deliveries.ReleaseUncertainAsync(issue.Id, uncertain[0].SubscriberId, CancellationToken.None));
        Assert.False(await deliveries.ReleaseUncertainAsync(issue.Id, uncertain[0].SubscriberId, CancellationToken.None));
        await Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Single(_smtp.MessagesTo("gestopt-1@example.org"));
        Assert.Empty(_smtp.MessagesTo("gestopt-2@example.org"));
        foreach (var address in all.Skip(2))
            Assert.Single(_smtp.MessagesTo(address));
    }

    [Fact]
    public async Task Connections_the_database_drops_mid_run_are_waited_for_and_the_run_goes_on_sending_each_mail_once()
    {
        var all = await SubscribersAsync("herstart", 150);
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(15) });
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);

        var sending = Sender(new SmtpOptions { Workers = 4 }).SendAsync(issue.Id, CancellationToken.None);
        await Eventually.TrueAsync(() => _smtp.MessageCount >= 30, "the first mails did not arrive");
        // What a restarting server does to its clients: every connection of the run, its lock's too, is cut. Again
        // while the run reconnects, so calls of every stage meet a dropped connection.
        for (var i = 0; i < 3; i++)
        {
            await TestPostgres.ExecuteAsync(_db.ConnectionString,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            await Task.Delay(150);
        }
        // A hang is the defect this guards against: the run must end by itself.
        await sending.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(IssueStatus.Sent, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sending'"));
        var uncertain = await new DeliveryStore(_db.Database, TimeProvider.System).ListAsync(issue.Id, DeliveryStatus.Uncertain, 100, CancellationToken.None);
        Assert.InRange(uncertain.Count, 0, 3 * 4);
        foreach (var address in all.Except(uncertain.Select(d => d.Email)))
            Assert.Single(_smtp.MessagesTo(address));
        Assert.All(uncertain, d => Assert.InRange(_smtp.MessagesTo(d.Email).Count, 0, 1));
    }

    [Fact]
    public async Task A_run_that_fails_stops_its_issue_with_the_reason_so_an_editor_can_resume_or_cancel_it()
    {
        await SubscribersAsync("fout", 5);
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);
        // A failure that is not the database's absence: a claim the database refuses.
        await _db.ExecuteAsync("ALTER TABLE newsletter_deliveries ADD CONSTRAINT no_claims CHECK (status <> 'sending') NOT VALID");

        await Sender().SendAsync(issue.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var stopped = (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        await _db.ExecuteAsync("ALTER TABLE newsletter_deliveries DROP CONSTRAINT no_claims");
        await _db.Issues.TransitionAsync(issue.Id, [IssueStatus.Stopped], IssueStatus.Approved, "redacteur", null, CancellationToken.None);
        await Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Equal(IssueStatus.Stopped, stopped.Status);
        Assert.Contains("no_claims", stopped.Note, StringComparison.Ordinal);
        Assert.Equal(5, _smtp.MessageCount);
        Assert.Equal(IssueStatus.Sent, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_issue_cancelled_while_it_is_sent_stops_before_its_next_recipients()
    {
        await SubscribersAsync("afgebroken", 400);
        await _smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(20) });
        var issue = await ApprovedIssueAsync(["faq-leersteun"]);

        var sending = Sender(new SmtpOptions { Workers = 2 }).SendAsync(issue.Id, CancellationToken.None);
        await Eventually.TrueAsync(() => _smtp.MessageCount >= 10, "the first mails did not arrive");
        Assert.NotNull(await _db.Issues.TransitionAsync(issue.Id, [IssueStatus.Sending], IssueStatus.Cancelled, null, null, CancellationToken.None));
        var atCancel = _smtp.MessageCount;
        await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(IssueStatus.Cancelled, (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        // At most the batch of recipients read before the cancel, and the mails already in the run's channels.
        Assert.InRange(_smtp.MessageCount, atCancel, atCancel + 150);
        Assert.Equal(_smtp.MessageCount, await _db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
    }

    [Fact]
    public async Task A_send_records_every_time_by_the_hosts_clock()
    {
        await SubscribersAsync("klok", 2);
        var clock = new TestClock(new DateTimeOffset(2027, 1, 4, 6, 0, 0, TimeSpan.Zero));
        var issue = await ApprovedIssueAsync(["faq-leersteun"], new IssueStore(_db.Database, clock));

        await Sender(time: clock).SendAsync(issue.Id, CancellationToken.None);

        var sent = (await _db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        Assert.Equal((clock.Now, clock.Now), (sent.ApprovedAt, sent.SentAt));
        Assert.Equal(2, await _db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE sent_at = $1 AND updated_at = $1", clock.Now));
    }

    private async Task<List<string>> SubscribersAsync(string prefix, int count)
    {
        var addresses = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var address = $"{prefix}-{i}@example.org";
            await _db.SubscriberAsync(address, $"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} {i}", ["clb-medewerker"]);
            addresses.Add(address);
        }
        return addresses;
    }

    private async Task<NewsletterIssue> ApprovedIssueAsync(string[] materials, IssueStore? store = null)
    {
        var issues = store ?? _db.Issues;
        var (issue, _) = await issues.AddOnceAsync(new NewsletterIssue
        {
            Id = 0,
            Month = new DateOnly(2026, 12, 1),
            Feature = new Feature(FeatureKind.Theme, "decreet-leersteun"),
            FeatureReason = "Gepland in newsletter.yml.",
            IntroMarkdown = "Het decreet leersteun.",
            Composition = new IssueComposition(new DateOnly(2026, 11, 1), materials, [], [], []),
            Status = IssueStatus.Composed,
            ComposedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        return (await issues.TransitionAsync(issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur", null, CancellationToken.None))!;
    }

    private IssueSender Sender(SmtpOptions? options = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var smtp = options ?? new SmtpOptions();
        smtp.Host = _smtp.Host;
        smtp.Port = _smtp.Port;
        smtp.Security = MailKit.Security.SecureSocketOptions.None;
        var library = new ContentLibrary(_db.Content.Location);
        library.Reload();
        return new IssueSender(_db.Database, new IssueStore(_db.Database, time), new DeliveryStore(_db.Database, time), new IssueMails(new IssueRenderer(), _db.Links, new UnsubscribeLinks(_db.Tokens, _db.Options), Options.Create(smtp)),
            new MailTransports(smtp, Path.Combine(_db.Content.DataPath, "outbox")), library, new StaffCalendar(time), time,
            Options.Create(smtp), NullLogger<IssueSender>.Instance);
    }
}
