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
        services.AddSingleton(sp => new WebhookSecretProtector(SecretKeyFile.ReadOrCreate(
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.SecretKey, sp.GetRequiredService<DataFolderLock>().Path, WebhookSecretProtector.KeyFileName)));
        services.AddSingleton<WebhookStore>();
        services.AddHostedService<WebhookSecretEncryption>();
        // Material links in payloads start where staff reach the server, as the newsletter's do.
        services.AddSingleton(sp => new MaterialEventRecorder(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<StaffCalendar>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<NewsletterOptions>>().Value.PublicBaseUrl, sp.GetRequiredService<ILogger<MaterialEventRecorder>>()));
        services.AddSingleton<WebhookSender>();
        services.AddTransient<WebhookDeliveryJob>();
        services.AddWebhookClient();
        services.AddHostedService<WebhookEvents>();
        return builder;
    }
}

/// <summary>At start, once the database runs: encrypts the secrets that versions before encryption stored in plain text.</summary>
internal sealed class WebhookSecretEncryption(WebhookStore store, ILogger<WebhookSecretEncryption> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var encrypted = await store.ProtectPlainSecretsAsync(cancellationToken);
        if (encrypted > 0)
            logger.LogInformation("Encrypted {Count} webhook secrets stored in plain text", encrypted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
