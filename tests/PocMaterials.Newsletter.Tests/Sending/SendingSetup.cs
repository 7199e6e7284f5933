using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Sending;

/// <summary>
/// What a test of sending needs: a database of its own, a real SMTP server (aiosmtpd) that counts what arrives,
/// subscribers, an approved issue, and senders between them.
/// </summary>
public sealed class SendingSetup : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; private set; } = null!;
    public NewsletterDatabase Db { get; } = new();

    public async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        await Db.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <returns>The addresses of <paramref name="count"/> new staff subscribers: prefix-1@example.org, ...</returns>
    public async Task<List<string>> SubscribersAsync(string prefix, int count)
    {
        var addresses = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var address = $"{prefix}-{i}@example.org";
            await Db.SubscriberAsync(address, $"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} {i}", ["clb-medewerker"]);
            addresses.Add(address);
        }
        return addresses;
    }

    /// <param name="month">The issue's month, December 2026 unless given: a month has one issue.</param>
    public async Task<NewsletterIssue> ApprovedIssueAsync(string[] materials, IssueStore? store = null, DateOnly? month = null)
    {
        var issues = store ?? Db.Issues;
        var (issue, _) = await issues.AddOnceAsync(
            NewsletterDatabase.Issue(month ?? new DateOnly(2026, 12, 1), materials), CancellationToken.None);
        return (await issues.TransitionAsync(
            issue.Id, [IssueStatus.Composed], IssueStatus.Approved, "redacteur", null, CancellationToken.None))!;
    }

    /// <summary>Where mails bounce to: with an address, each mail's return path names its delivery.</summary>
    public BounceOptions Bounces { get; } = new();

    public ReturnPaths ReturnPaths => new(Db.Tokens, Options.Create(Bounces));

    public IssueSender Sender(SmtpOptions? options = null, TimeProvider? time = null, MailSigner? signer = null)
    {
        time ??= TimeProvider.System;
        var smtp = options ?? new SmtpOptions();
        smtp.Host = Smtp.Host;
        smtp.Port = Smtp.Port;
        smtp.Security = MailKit.Security.SecureSocketOptions.None;
        var library = new ContentLibrary(Db.Content.Location);
        library.Reload();
        var mails = new IssueMails(
            new IssueRenderer(), Db.Links, new UnsubscribeLinks(Db.Tokens, Db.Options), ReturnPaths, Options.Create(smtp));
        return new IssueSender(
            Db.Database,
            new IssueStore(Db.Database, time),
            new DeliveryStore(Db.Database, time),
            mails,
            new MailTransports(smtp, Path.Combine(Db.Content.DataPath, "outbox"), signer),
            library,
            new StaffCalendar(time),
            time,
            Options.Create(smtp),
            NullLogger<IssueSender>.Instance);
    }
}
