using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// A send under the relay's limits per minute and per day, on a clock the test moves: it stops at the limit, goes on as
/// the window moves, the next day for the daily one, and a new run (a restarted server) counts what the killed one sent.
/// </summary>
public sealed class RelayLimitTests : IAsyncLifetime
{
    private readonly SendingSetup _send = new();
    private const string Claimed = "SELECT count(*) FROM newsletter_deliveries WHERE status = 'sending'";
    private const string Sent = "SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'";
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _send.InitializeAsync();

    public Task DisposeAsync() => _send.DisposeAsync();

    [Fact]
    public async Task A_send_keeps_to_the_limit_per_minute_and_goes_on_as_the_minute_passes()
    {
        await _send.SubscribersAsync("minuut", 12);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        var options = new SmtpOptions { MessagesPerMinute = 5, Workers = 2 };
        var sending = _send.Sender(options, _clock).SendAsync(issue.Id, CancellationToken.None);

        await Eventually.TrueAsync(() => _send.Smtp.MessageCount == 5, () => $"{_send.Smtp.MessageCount} mails, not the minute's 5");
        // It waits on the clock, not on time: seconds later, with the clock still, nothing more went out.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(5, _send.Smtp.MessageCount);
        var progress = (await new IssueProgress(_send.Db.Database, Options.Create(options), _clock).GetAsync(issue.Id, default))!;
        Assert.Equal((5, 7, 0L), (progress.Sent, progress.Waiting, progress.Bounced));
        // All five went out at the same moment of the test's clock; the limit, not that burst, sets the pace.
        Assert.Equal(5, progress.MessagesPerMinute);
        Assert.Equal(_clock.Now + TimeSpan.FromMinutes(7 / 5.0), progress.EstimatedEnd);
        _clock.Now += TimeSpan.FromSeconds(61);
        await Eventually.TrueAsync(() => _send.Smtp.MessageCount == 10, () => $"{_send.Smtp.MessageCount} mails after a minute");
        _clock.Now += TimeSpan.FromSeconds(61);
        await sending;
        Assert.Equal(12, _send.Smtp.MessageCount);
        Assert.Equal(12, _send.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
    }

    [Fact]
    public async Task A_mail_counts_from_when_the_relay_answered_not_from_when_it_was_let_through()
    {
        await _send.SubscribersAsync("antwoord", 2);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        await _send.Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromSeconds(2) });
        var sending = _send.Sender(new SmtpOptions { MessagesPerMinute = 1, Workers = 1 }, _clock).SendAsync(issue.Id, default);

        // Let through at 9:00:00; the relay takes it 50 s later (a slow relay, a long queue): it counts from then.
        await Eventually.TrueAsync(async () => await _send.Db.ScalarAsync(Claimed) == 1, "the first mail was not claimed");
        var start = _clock.Now;
        _clock.Now = start + TimeSpan.FromSeconds(50);
        await Eventually.TrueAsync(async () => await _send.Db.ScalarAsync(Sent) == 1, "the first mail was not answered");
        await _send.Smtp.SetBehaviourAsync(new SmtpBehaviour());
        _clock.Now = start + TimeSpan.FromSeconds(61);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(1, await _send.Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries"));

        _clock.Now = start + TimeSpan.FromSeconds(111);
        await sending;
        Assert.Equal(2, _send.Smtp.MessageCount);
    }

    [Fact]
    public async Task The_daily_limit_holds_across_a_killed_run_and_the_send_picks_up_the_next_day()
    {
        await _send.SubscribersAsync("dag", 6);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);
        var options = new SmtpOptions { MessagesPerDay = 4, Workers = 1 };

        using var kill = new CancellationTokenSource();
        var first = _send.Sender(options, _clock).SendAsync(issue.Id, kill.Token);
        await Eventually.TrueAsync(() => _send.Smtp.MessageCount == 4, () => $"{_send.Smtp.MessageCount} mails, not the day's 4");
        await Eventually.TrueAsync(
            async () => await _send.Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'") == 4,
            "the 4 mails are not recorded as sent");
        // The host stops while the run waits for tomorrow; a new host's run finds the day's 4 in PostgreSQL.
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        _clock.Now += TimeSpan.FromHours(3);
        var second = _send.Sender(options, _clock).SendAsync(issue.Id, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(4, _send.Smtp.MessageCount);
        // The run waited before claiming the fifth: nothing was left claimed for the kill to make uncertain.
        Assert.Equal(0, await _send.Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE status <> 'sent'"));

        _clock.Now += TimeSpan.FromHours(22);
        await second;
        Assert.Equal(6, _send.Smtp.Messages.Select(m => m.Recipients.Single()).Distinct().Count());
        Assert.Equal(6, _send.Smtp.MessageCount);
    }
}
