using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The compose job through Hangfire, its clock set: it waits for an editor, or with sending without approval
/// configured, on time the issue goes out; a run long after its schedule (the server was down) waits for an editor
/// instead of sending a stale issue; a month whose issue was cancelled is started over.
/// </summary>
public sealed class NewsletterScheduleTests
{
    [Fact]
    public async Task On_its_compose_day_the_job_composes_the_issue_through_the_Hangfire_server_and_it_waits_for_an_editor()
    {
        var issue = await RunComposeJobAsync(scheduledAgo: TimeSpan.FromMinutes(1), IssueStatus.Composed, sendWithoutApproval: false);

        Assert.Equal((new DateOnly(2027, 2, 1), (string?)null), (issue.Month, issue.Note));
    }

    [Fact]
    public async Task On_time_an_issue_is_sent_without_approval_when_so_configured()
    {
        var issue = await RunComposeJobAsync(scheduledAgo: TimeSpan.FromMinutes(1), IssueStatus.Sent);

        Assert.Equal(IssueStatus.Sent, issue.Status);
    }

    [Fact]
    public async Task A_late_run_waits_for_an_editor_and_says_why()
    {
        var issue = await RunComposeJobAsync(scheduledAgo: TimeSpan.FromHours(12), IssueStatus.Composed);

        Assert.Equal(IssueStatus.Composed, issue.Status);
        Assert.Contains("gemiste planning", issue.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issue_approved_on_a_host_that_stopped_before_enqueuing_its_send_is_sent_by_the_next_host()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        string connectionString;
        await using (var first = new PocMaterialsApp(folder))
        {
            var editor = await first.ClientFor(["redacteur"]);
            Assert.True((await editor.PostAsync("/api/newsletter/issues?month=2026-12", null)).IsSuccessStatusCode);
            connectionString = first.ConnectionString;
            // What an approval leaves when its host goes between committing it and enqueuing the send.
            await TestPostgres.ExecuteAsync(connectionString, """
                UPDATE newsletter_issues SET status = 'approved', approved_at = now() - interval '5 minutes', approved_by = 'redacteur';
                INSERT INTO newsletter_subscribers (email, email_key, name, roles, created_at)
                VALUES ('els@example.org', 'els@example.org', 'Els', '{clb-medewerker}', now() - interval '1 hour')
                """);
        }

        await using var second = new PocMaterialsApp(
            folder, settings: new Dictionary<string, string?> { ["Postgres:ConnectionString"] = connectionString });
        await second.ClientFor(["redacteur"]);
        await Eventually.TrueAsync(
            async () => await TestPostgres.ScalarAsync(
                connectionString, "SELECT count(*) FROM newsletter_issues WHERE status = 'sent'") > 0,
            "the approved issue was not sent", seconds: 60);

        Assert.Single(Directory.GetFiles(Path.Combine(folder.DataPath, "outbox"), "*.eml"));
    }

    [Fact]
    public async Task The_monthly_job_composes_a_new_issue_for_a_month_whose_issue_was_cancelled()
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        // Monday 1 February 2027, 06:30 in Brussels: an editor composed the month early, and cancels it to start over.
        var clock = new TestClock(new DateTimeOffset(2027, 2, 1, 5, 30, 0, TimeSpan.Zero));
        await using var app = new PocMaterialsApp(folder, services: services => services.AddSingleton<TimeProvider>(clock));
        var issues = app.Services.GetRequiredService<IssueStore>();
        var month = new DateOnly(2027, 2, 1);
        var early = (await app.Services.GetRequiredService<IssueComposer>().ComposeAsync(
            month, app.Services.GetRequiredService<ContentLibrary>().Current, month, CancellationToken.None))!;
        var (cancelled, _) = await issues.AddOnceAsync(early, CancellationToken.None);
        await issues.TransitionAsync(cancelled.Id, [IssueStatus.Composed], IssueStatus.Cancelled, null, null, CancellationToken.None);

        clock.Now = new DateTimeOffset(2027, 2, 1, 6, 5, 0, TimeSpan.Zero);
        var composed = await app.Services.GetRequiredService<ComposeIssueJob>().RunAsync(CancellationToken.None);

        var issue = (await issues.GetAsync(month, CancellationToken.None))!;
        Assert.Equal((composed, IssueStatus.Composed), (issue.Id, issue.Status));
        Assert.NotEqual(cancelled.Id, issue.Id);
        Assert.Equal(IssueStatus.Cancelled, (await issues.GetAsync(cancelled.Id, CancellationToken.None))!.Status);
    }

    /// <summary>
    /// Runs the compose job through the host's Hangfire server <paramref name="scheduledAgo"/> after the compose moment of
    /// February 2027 (Monday the 1st, 07:00 in Brussels), and waits for its issue to become <paramref name="until"/>.
    /// </summary>
    private static async Task<NewsletterIssue> RunComposeJobAsync(TimeSpan scheduledAgo, IssueStatus until, bool sendWithoutApproval = true)
    {
        using var folder = ContentFolder.WithFixture();
        folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        var clock = new TestClock(new DateTimeOffset(2027, 2, 1, 6, 0, 0, TimeSpan.Zero) + scheduledAgo);
        await using var app = new PocMaterialsApp(
            folder,
            settings: new Dictionary<string, string?> { ["Newsletter:SendWithoutApproval"] = sendWithoutApproval ? "true" : "false" },
            services: services => services.AddSingleton<TimeProvider>(clock));
        var issues = app.Services.GetRequiredService<IssueStore>();
        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(ComposeIssueJob.RecurringJobId);

        NewsletterIssue? issue = null;
        await Eventually.TrueAsync(
            async () => (issue = (await issues.ListAsync()).FirstOrDefault(i => i.Status == until)) is not null,
            () => $"no issue became {until}:\n" + string.Join('\n',
                app.Logs.Entries
                    .Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information
                        && !e.Category.StartsWith("Microsoft", StringComparison.Ordinal))
                    .Select(e => $"{e.Level} {e.Category}: {e.Message}")), seconds: 120);
        // A moment later it is still where it was: a waiting issue is not sent behind the editor's back.
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (await issues.GetAsync(issue!.Id, CancellationToken.None))!;
    }
}
