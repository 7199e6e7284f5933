using Microsoft.Extensions.Options;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Webhooks;

namespace PocMaterials.Web.Hosting;

/// <summary>Wires webhooks: the receivers' store, the events taken from content changes, and their delivery jobs.</summary>
public static class WebhookRegistration
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookStore>();
        // Material links in payloads start where staff reach the server, as the newsletter's do.
        services.AddSingleton(sp => new MaterialEventRecorder(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<BrusselsCalendar>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.PublicBaseUrl, sp.GetRequiredService<ILogger<MaterialEventRecorder>>()));
        services.AddSingleton<WebhookSender>();
        services.AddTransient<WebhookDeliveryJob>();
        services.AddWebhookClient();
        services.AddHostedService<WebhookEvents>();
        return builder;
    }
}
