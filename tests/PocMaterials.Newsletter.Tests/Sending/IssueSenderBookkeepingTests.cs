using PocMaterials.Newsletter.Sending;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// What a run leaves unknown at any moment, read from PostgreSQL again and again while it sends to a real SMTP server:
/// never more mails claimed and not recorded than the README's two per worker (what a kill can leave uncertain), and
/// each server's answer recorded as soon as the worker has it.
/// </summary>
public sealed class IssueSenderBookkeepingTests : IAsyncLifetime
{
    private const int Workers = 4;
    private const int Recipients = 300;
    private readonly SendingSetup _send = new();

    private NewsletterDatabase Db => _send.Db;

    public Task InitializeAsync() => _send.InitializeAsync();

    public Task DisposeAsync() => _send.DisposeAsync();

    [Fact]
    public async Task At_no_moment_are_more_than_two_mails_per_worker_claimed_and_not_recorded()
    {
        var all = await _send.SubscribersAsync("begrensd", Recipients);
        await _send.Smtp.SetBehaviourAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(10) });
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        var sending = _send.Sender(new SmtpOptions { Workers = Workers }).SendAsync(issue.Id, CancellationToken.None);
        var (samples, mostClaimed, mostUnrecorded) = (0, 0L, 0L);
        while (!sending.IsCompleted)
        {
            // The server stores a mail before it answers 250: what it holds and the database does not call sent is in
            // flight, or answered and not recorded yet.
            var accepted = _send.Smtp.MessageCount;
            var sent = await CountAsync(issue.Id, "sent");
            mostClaimed = Math.Max(mostClaimed, await CountAsync(issue.Id, "sending"));
            mostUnrecorded = Math.Max(mostUnrecorded, accepted - sent);
            samples++;
        }
        await sending;

        Assert.True(samples >= 20, $"only {samples} samples: the run was too quick to watch");
        Assert.InRange(mostClaimed, 1, 2 * Workers);
        Assert.InRange(mostUnrecorded, 0, 2 * Workers);
        Assert.Equal(0, await CountAsync(issue.Id, "sending"));
        Assert.All(all, address => Assert.Single(_send.Smtp.MessagesTo(address)));
        // The answer of each mail as the server gave it: its 250 and text, which name the mail in the server's log.
        Assert.Equal(
            Recipients,
            await Db.ScalarAsync(
                "SELECT count(*) FROM newsletter_deliveries WHERE issue_id = $1 AND status = 'sent' AND server_response LIKE '250 %'",
                issue.Id));
    }

    private Task<long> CountAsync(long issueId, string status) =>
        Db.ScalarAsync("SELECT count(*) FROM newsletter_deliveries WHERE issue_id = $1 AND status = $2", issueId, status);
}
