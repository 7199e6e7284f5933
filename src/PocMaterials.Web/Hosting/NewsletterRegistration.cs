using Hangfire;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Hosting;

/// <summary>Wires the POC-a-tizer: subscribers, composition, sending and measuring, and its jobs (Hangfire: see <see cref="HangfireRegistration"/>).</summary>
public static class NewsletterRegistration
{
    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton(sp => new SignedTokens(SecretKeyFile.ReadOrCreate(
            sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.SigningKey,
            sp.GetRequiredService<DataFolderLock>().Path,
            "newsletter-signing.key")));
        services.AddNewsletterSubscribers();

        services.AddSingleton<IssueStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<NewsletterEvents>();
        services.AddSingleton<IMaterialRecords>(sp => sp.GetRequiredService<NewsletterEvents>());
        services.AddSingleton<MaterialPopularity>();
        services.AddSingleton<IssueComposer>();
        services.AddSingleton(sp => new IssueRenderer(sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.TemplatesPath));
        services.AddSingleton<NewsletterLinks>();
        services.AddSingleton(sp => new MailTransports(
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value,
            Path.Combine(sp.GetRequiredService<DataFolderLock>().Path, "outbox")));
        services.AddSingleton<IssueMails>();
        services.AddSingleton<IssueSender>();
        services.AddSingleton<IssueReports>();
        services.AddTransient<ComposeIssueJob>();
        services.AddTransient<SendIssueJob>();

        services.AddHostedService<NewsletterSchedule>();
        return builder;
    }
}

/// <summary>
/// Once Hangfire's schema is in place: registers the recurring jobs with their schedule from configuration,
/// and resumes issues whose sending a stopped or killed server left unfinished (the job of a killed server
/// would only come back after Hangfire's invisibility timeout; the send lock keeps two runs from overlapping).
/// Approval commits first and enqueues the send after: every minute (and at start) an issue still approved
/// a minute after its approval lost that enqueue with its host, and its send is enqueued again.
/// </summary>
internal sealed class NewsletterSchedule(
    IRecurringJobManager recurringJobs,
    IBackgroundJobClient jobs,
    IssueStore issues,
    IOptions<NewsletterOptions> options,
    StaffCalendar calendar,
    TimeProvider time,
    ILogger<NewsletterSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    // An approval's own enqueue starts the send within a second; one still approved after this long lost it.
    private static readonly TimeSpan ApprovalGrace = TimeSpan.FromMinutes(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        recurringJobs.AddOrUpdate<ComposeIssueJob>(
            ComposeIssueJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            settings.ComposeCron,
            new RecurringJobOptions { TimeZone = calendar.Zone });
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Sending, cancellationToken: cancellationToken))
        {
            logger.LogWarning("Resuming the sending of issue {Issue} ({Month}), left unfinished", issue.Id, issue.Key);
            SendIssueJob.Enqueue(jobs, issue.Id);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, time);
        try
        {
            do
            {
                try
                {
                    await ResumeApprovedAsync(stoppingToken);
                }
                catch (Exception e) when (DatabaseFailures.IsUnavailable(e) && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Approved issues could not be checked: {Error}; trying again in a minute", e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops.
        }
    }

    private async Task ResumeApprovedAsync(CancellationToken cancellationToken)
    {
        var lostBefore = time.GetUtcNow() - ApprovalGrace;
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Approved, cancellationToken: cancellationToken))
        {
            if (issue.ApprovedAt > lostBefore)
                continue;
            logger.LogWarning("Issue {Issue} ({Month}) was approved at {ApprovedAt} and is not being sent; enqueuing its send", issue.Id, issue.Key, issue.ApprovedAt);
            SendIssueJob.Enqueue(jobs, issue.Id);
        }
    }
}
