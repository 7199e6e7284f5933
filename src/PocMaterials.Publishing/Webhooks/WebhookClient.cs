using Microsoft.Extensions.DependencyInjection;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>The HTTP client deliveries go out with, registered in one place for the host and the tests alike.</summary>
public static class WebhookClient
{
    public static IServiceCollection AddWebhookClient(this IServiceCollection services)
    {
        services.AddSingleton<ReceiverAddresses>();
        services.AddHttpClient(WebhookSender.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("PocMaterials-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<ReceiverAddresses>().CreateHandler());
        return services;
    }
}
