using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>At start, once the database runs: encrypts the secrets that versions before encryption stored in plain text.</summary>
internal sealed partial class WebhookSecretEncryption(WebhookStore store, ILogger<WebhookSecretEncryption> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var encrypted = await store.ProtectPlainSecretsAsync(cancellationToken);
        if (encrypted > 0)
            LogSecretsEncrypted(logger, encrypted);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} webhook secrets stored in plain text")]
    private static partial void LogSecretsEncrypted(ILogger logger, int count);
}
