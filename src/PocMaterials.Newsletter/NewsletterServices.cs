using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Bounces;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Jobs;
using PocMaterials.Newsletter.Reports;
using PocMaterials.Newsletter.Rendering;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the POC-a-tizer: subscribers, composition, sending and measuring, and its jobs (run by the host's Hangfire).</summary>
public static class NewsletterServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddNewsletter(this IServiceCollection services)
    {
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
        services.AddOptions<DkimOptions>().BindConfiguration(DkimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            var dataPath = sp.GetRequiredService<DataFolderLock>().Path;
            var signer = MailSigner.For(sp.GetRequiredService<IOptions<DkimOptions>>().Value, smtp, dataPath);
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<MailTransports>();
            if (signer is { Key: var key })
                MailSigner.LogSigning(logger, key.Domain, key.Selector, key.RecordName);
            else
                MailSigner.LogNotSigning(logger);
            return new MailTransports(smtp, Path.Combine(dataPath, "outbox"), signer);
        });
        services.AddOptions<BounceOptions>().BindConfiguration(BounceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReturnPaths>();
        services.AddSingleton<BounceParser>();
        services.AddSingleton<BounceStore>();
        services.AddSingleton<BounceMailboxLocks>();
        services.AddSingleton<BounceMailbox>();
        services.AddHostedService<BounceIdleWatcher>();
        services.AddTransient<ReadBouncesJob>();
        services.AddSingleton<IssueMails>();
        services.AddSingleton<IssueSender>();
        services.AddSingleton<IssueProgress>();
        services.AddSingleton<IssueReports>();
        services.AddSingleton<ComposeSchedule>();
        services.AddTransient<ComposeIssueJob>();
        services.AddTransient<SendIssueJob>();

        services.AddHostedService<NewsletterSchedule>();
        return services;
    }
}
