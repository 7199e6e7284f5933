using Microsoft.Extensions.DependencyInjection;

namespace PocMaterials.Newsletter.Subscribers;

public static class SubscriberServices
{
    /// <summary>The subscriber store, the import and the unsubscribe links; the Database and SignedTokens come from the host.</summary>
    public static IServiceCollection AddNewsletterSubscribers(this IServiceCollection services) =>
        services.AddSingleton<SubscriberStore>().AddSingleton<SubscriberImport>().AddSingleton<UnsubscribeLinks>();
}
