using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Publishing;
using PocMaterials.Publishing.Attachments;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Publishing.Versions;
using PocMaterials.Publishing.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Wires publishing: versioned material, definition and attachment files, the history of hand edits, and
/// webhooks (the receivers' store, the events taken from content changes, and their delivery jobs).
/// </summary>
public static class PublishingServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentVersions>();
        services.AddSingleton<VersionedFiles>();
        services.AddSingleton<MaterialRedirects>();
        services.AddSingleton(sp => new MaterialFiles(
            sp.GetRequiredService<ContentLibrary>(),
            sp.GetRequiredService<VersionedFiles>(),
            sp.GetRequiredService<ContentVersions>(),
            sp.GetRequiredService<MaterialRedirects>(),
            sp.GetServices<IMaterialRecords>(),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.MaxFileBytes));
        services.AddSingleton(sp => new DefinitionFiles(
            sp.GetRequiredService<ContentLibrary>(),
            sp.GetRequiredService<VersionedFiles>(),
            sp.GetRequiredService<ContentVersions>(),
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.MaxFileBytes));
        services.AddSingleton<DefinitionEdits>();
        services.AddSingleton(sp => new AttachmentFiles(
            sp.GetRequiredService<ContentLibrary>(),
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes,
            sp.GetRequiredService<ILogger<AttachmentFiles>>()));
        services.AddHostedService<HandEditRecorder>();
        return services.AddWebhooks();
    }

    private static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new WebhookSecretProtector(SecretKeyFile.ReadOrCreate(
            sp.GetRequiredService<IOptions<WebhookOptions>>().Value.SecretKey,
            sp.GetRequiredService<DataFolderLock>().Path,
            WebhookSecretProtector.KeyFileName)));
        services.AddSingleton<WebhookStore>();
        services.AddHostedService<WebhookSecretEncryption>();
        // Material links in payloads start where staff reach the server, as the newsletter's do.
        services.AddSingleton(sp => new MaterialEventRecorder(
            sp.GetRequiredService<Database>(),
            sp.GetRequiredService<StaffCalendar>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<PublicAddressOptions>>().Value.PublicBaseUrl,
            sp.GetRequiredService<ILogger<MaterialEventRecorder>>()));
        services.AddSingleton<WebhookSender>();
        services.AddTransient<WebhookDeliveryJob>();
        services.AddWebhookClient();
        services.AddHostedService<WebhookEvents>();
        return services;
    }
}
