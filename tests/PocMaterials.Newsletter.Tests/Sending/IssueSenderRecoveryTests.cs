using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// Runs that do not go as planned still send each mail once: a server failing mid-run, two runs at once, a killed
/// run, a database that drops its connections, a run that fails, an issue cancelled while it is sent.
/// </summary>
public sealed class IssueSenderRecoveryTests : IAsyncLifetime
{
    private readonly SendingSetup _send = new();

    private NewsletterDatabase Db => _send.Db;
    private TestSmtpServer Smtp => _send.Smtp;

    public Task InitializeAsync() => _send.InitializeAsync();

    public Task DisposeAsync() => _send.DisposeAsync();

    [Fact]
    public async Task A_server_failing_mid_run_stops_the_issue_and_the_resumed_run_sends_the_rest_once()
    {
        var all = await _send.SubscribersAsync("uitval", 30);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { AcceptMessages = 5 });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        var options = new SmtpOptions { Workers = 2, MaxAttempts = 2, MaxConsecutiveFailures = 3 };

        await _send.Sender(options).SendAsync(issue.Id, CancellationToken.None);
        var stopped = (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        await Smtp.SetBehaviourAsync(new SmtpBehaviour());
        await Db.Issues.TransitionAsync(issue.Id, [IssueStatus.Stopped], IssueStatus.Approved, "redacteur", null, CancellationToken.None);
        await _send.Sender(options).SendAsync(issue.Id, CancellationToken.None);

        Assert.Equal(IssueStatus.Stopped, stopped.Status);
        Assert.Contains("421", stopped.Note, StringComparison.Ordinal);
        foreach (var address in all)
            Assert.Single(Smtp.MessagesTo(address));
        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Two_runs_at_once_send_each_mail_once()
    {
        var all = await _send.SubscribersAsync("dubbel", 30);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(20) });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        await Task.WhenAll(
            _send.Sender().SendAsync(issue.Id, CancellationToken.None),
            _send.Sender().SendAsync(issue.Id, CancellationToken.None));

        foreach (var address in all)
            Assert.Single(Smtp.MessagesTo(address));
    }

    [Fact]
    public async Task Mails_a_killed_run_left_unsettled_become_uncertain_and_go_again_only_when_an_editor_says_so()
    {
        var all = await _send.SubscribersAsync("gestopt", 8);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        // What a run killed between handing two mails to the server and recording them leaves behind.
        await Db.ExecuteAsync("""
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles)
            SELECT $1, id, 'sending', now(), roles FROM newsletter_subscribers
            WHERE email IN ('gestopt-1@example.org', 'gestopt-2@example.org')
            """, issue.Id);
        await Db.Issues.TransitionAsync(issue.Id, [IssueStatus.Approved], IssueStatus.Sending, null, null, CancellationToken.None);

        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);
        var deliveries = new DeliveryStore(Db.Database, TimeProvider.System);
        var uncertain = (await deliveries.ListAsync(issue.Id, DeliveryStatus.Uncertain, 1, 10, CancellationToken.None)).Deliveries;
        Assert.Equal(["gestopt-1@example.org", "gestopt-2@example.org"], uncertain.Select(d => d.Email));
        Assert.Empty(Smtp.MessagesTo("gestopt-1@example.org"));
        Assert.True(await deliveries.ReleaseUncertainAsync(issue.Id, uncertain[0].SubscriberId, CancellationToken.None));
        Assert.False(await deliveries.ReleaseUncertainAsync(issue.Id, uncertain[0].SubscriberId, CancellationToken.None));
        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Single(Smtp.MessagesTo("gestopt-1@example.org"));
        Assert.Empty(Smtp.MessagesTo("gestopt-2@example.org"));
        foreach (var address in all.Skip(2))
            Assert.Single(Smtp.MessagesTo(address));
    }

    [Fact]
    public async Task An_uncertain_mail_an_editor_sends_again_while_a_run_sends_is_left_to_the_next_run_and_sent_once()
    {
        var all = await _send.SubscribersAsync("tijdens", 120);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(15) });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        await Db.ExecuteAsync("""
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles)
            SELECT $1, id, 'uncertain', now(), roles FROM newsletter_subscribers WHERE email = 'tijdens-1@example.org'
            """, issue.Id);
        var first = await Db.ScalarAsync("SELECT id FROM newsletter_subscribers WHERE email = 'tijdens-1@example.org'");
        var deliveries = new DeliveryStore(Db.Database, TimeProvider.System);

        var sending = _send.Sender(new SmtpOptions { Workers = 2 }).SendAsync(issue.Id, CancellationToken.None);
        await Eventually.TrueAsync(() => Smtp.MessageCount >= 20, "the first mails did not arrive");
        // The run is past this subscriber: it cannot send it, and must not lose it.
        Assert.True(await deliveries.ReleaseUncertainAsync(issue.Id, first, CancellationToken.None));
        await Assert.ThrowsAsync<DeferredMailsException>(() => sending);
        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.All(all, address => Assert.Single(Smtp.MessagesTo(address)));
        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_uncertain_mail_of_a_cancelled_issue_is_not_sent_again()
    {
        await _send.SubscribersAsync("geannuleerd", 1);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        await Db.ExecuteAsync("""
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, roles)
            SELECT $1, id, 'uncertain', now(), roles FROM newsletter_subscribers
            """, issue.Id);
        await Db.Issues.TransitionAsync(issue.Id, [IssueStatus.Approved], IssueStatus.Cancelled, null, null, CancellationToken.None);

        var released = await new DeliveryStore(Db.Database, TimeProvider.System).ReleaseUncertainAsync(
            issue.Id, await Db.ScalarAsync("SELECT id FROM newsletter_subscribers"), CancellationToken.None);

        Assert.False(released);
        Assert.Equal(1, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'uncertain'"));
    }

    [Fact]
    public async Task Connections_the_database_drops_mid_run_are_waited_for_and_the_run_goes_on_sending_each_mail_once()
    {
        var all = await _send.SubscribersAsync("herstart", 150);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(15) });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        var sending = _send.Sender(new SmtpOptions { Workers = 4 }).SendAsync(issue.Id, CancellationToken.None);
        await Eventually.TrueAsync(() => Smtp.MessageCount >= 30, "the first mails did not arrive");
        // What a restarting server does to its clients: every connection of the run, its lock's too, is cut. Again
        // while the run reconnects, so calls of every stage meet a dropped connection.
        for (var i = 0; i < 3; i++)
        {
            await TestPostgres.ExecuteAsync(Db.ConnectionString,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
            await Task.Delay(150);
        }
        // A hang is the defect this guards against: the run must end by itself.
        await sending.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        Assert.Equal(0, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sending'"));
        var uncertain = (await new DeliveryStore(Db.Database, TimeProvider.System)
            .ListAsync(issue.Id, DeliveryStatus.Uncertain, 1, 100, CancellationToken.None)).Deliveries;
        Assert.InRange(uncertain.Count, 0, 2 * 4);
        foreach (var address in all.Except(uncertain.Select(d => d.Email)))
            Assert.Single(Smtp.MessagesTo(address));
        Assert.All(uncertain, d => Assert.InRange(Smtp.MessagesTo(d.Email).Count, 0, 1));
    }

    [Fact]
    public async Task A_run_that_fails_stops_its_issue_with_the_reason_so_an_editor_can_resume_or_cancel_it()
    {
        await _send.SubscribersAsync("fout", 5);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        // A failure that is not the database's absence: a claim the database refuses.
        await Db.ExecuteAsync("ALTER TABLE newsletter_deliveries ADD CONSTRAINT no_claims CHECK (status <> 'sending') NOT VALID");

        await _send.Sender().SendAsync(issue.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var stopped = (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!;
        await Db.ExecuteAsync("ALTER TABLE newsletter_deliveries DROP CONSTRAINT no_claims");
        await Db.Issues.TransitionAsync(issue.Id, [IssueStatus.Stopped], IssueStatus.Approved, "redacteur", null, CancellationToken.None);
        await _send.Sender().SendAsync(issue.Id, CancellationToken.None);

        Assert.Equal(IssueStatus.Stopped, stopped.Status);
        Assert.Contains("no_claims", stopped.Note, StringComparison.Ordinal);
        Assert.Equal(5, Smtp.MessageCount);
        Assert.Equal(IssueStatus.Sent, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task An_issue_cancelled_while_it_is_sent_stops_before_its_next_recipients()
    {
        await _send.SubscribersAsync("afgebroken", 400);
        await Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(20) });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        var sending = _send.Sender(new SmtpOptions { Workers = 2 }).SendAsync(issue.Id, CancellationToken.None);
        await Eventually.TrueAsync(() => Smtp.MessageCount >= 10, "the first mails did not arrive");
        Assert.NotNull(await Db.Issues.TransitionAsync(
            issue.Id, [IssueStatus.Sending], IssueStatus.Cancelled, null, null, CancellationToken.None));
        var atCancel = Smtp.MessageCount;
        await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(IssueStatus.Cancelled, (await Db.Issues.GetAsync(issue.Id, CancellationToken.None))!.Status);
        // At most the batch of recipients read before the cancel, and the mails already in the run's channels.
        Assert.InRange(Smtp.MessageCount, atCancel, atCancel + 150);
        Assert.Equal(Smtp.MessageCount, await Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
    }
}
