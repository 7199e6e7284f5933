using Hangfire;
using Hangfire.AspNetCore;
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

/// <summary>Wires the POC-a-tizer: subscribers, composition, sending and measuring, and Hangfire that runs its jobs.</summary>
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

        // A storage and a job activator of this host, not Hangfire's process-wide ones: several hosts in one
        // process (the tests) each run their own jobs on their own database.
        services.AddSingleton<JobStorage>(sp => NewsletterSchedule.CreateStorage(sp.GetRequiredService<Database>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<NewsletterSchedule>();
        services.AddHangfireServer(server =>
        {
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            server.Queues = ["default"];
        });
        return builder;
    }
}
