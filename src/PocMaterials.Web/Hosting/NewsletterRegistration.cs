using Hangfire;
using Microsoft.Extensions.Options;
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

namespace PocMaterials.Web.Hosting;

/// <summary>Wires the POC-a-tizer: subscribers, composition, sending and measuring, and its jobs (Hangfire: see <see cref="HangfireRegistration"/>).</summary>
public static class NewsletterRegistration
{
    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SignedTokens(SecretKeyFile.ReadOrCreate(
            sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.SigningKey,
            sp.GetRequiredService<DataFolderLock>().Path,
            "newsletter-signing.key")));
        services.AddNewsletterSubscribers();

        services.AddSingleton<IssueStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<NewsletterEvents>();
        services.AddSingleton<MaterialPopularity>();
        services.AddSingleton<IssueComposer>();
        services.AddSingleton(sp => new IssueRenderer(sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.TemplatesPath));
        services.AddSingleton<NewsletterLinks>();
        services.AddSingleton(sp => new MailTransports(
            sp.GetRequiredService<IOptions<SmtpOptions>>().Value,
            Path.Combine(sp.GetRequiredService<DataFolderLock>().Path, "outbox")));
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
/// </summary>
internal sealed class NewsletterSchedule(
    IRecurringJobManager recurringJobs,
    IBackgroundJobClient jobs,
    IssueStore issues,
    IOptions<NewsletterOptions> options,
    ILogger<NewsletterSchedule> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        recurringJobs.AddOrUpdate<ComposeIssueJob>(
            ComposeIssueJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            settings.ComposeCron,
            new RecurringJobOptions { TimeZone = settings.Zone });
        foreach (var issue in await issues.ListAsync(status: IssueStatus.Sending, cancellationToken: cancellationToken))
        {
            logger.LogWarning("Resuming the sending of issue {Issue} ({Month}), left unfinished", issue.Id, issue.Key);
            jobs.Enqueue<SendIssueJob>(job => job.RunAsync(issue.Id, CancellationToken.None));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
