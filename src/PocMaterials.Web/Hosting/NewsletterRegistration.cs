using Microsoft.Extensions.Options;
using PocMaterials.Newsletter;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;

namespace PocMaterials.Web.Hosting;

/// <summary>Wires the POC-a-tizer: subscribers, composition, sending and measuring.</summary>
public static class NewsletterRegistration
{
    public static WebApplicationBuilder AddNewsletter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SignedTokens(SecretKeyFile.ReadOrCreate(
            sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.SigningKey,
            sp.GetRequiredService<DataFolderLock>().Path,
            "newsletter-signing.key")));
        services.AddNewsletterSubscribers();
        return builder;
    }
}
