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
        // Receivers are trusted by the editors who configured them, but a redirect is not followed: it could lead
        // a signed body anywhere.
        services.AddHttpClient(WebhookSender.HttpClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("PocMaterials-Webhooks/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<WebhookEvents>();
        return builder;
    }
}
