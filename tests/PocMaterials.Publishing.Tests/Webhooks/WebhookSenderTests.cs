using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Publishing.Webhooks;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Publishing.Tests.Webhooks;

/// <summary>Single attempts against a receiver the test starts: signatures, timeouts, claims, deleted receivers.</summary>
public sealed class WebhookSenderTests : IAsyncLifetime
{
    private readonly WebhookDatabase _db = new();
    // The host's client, allowed to reach the loopback receiver.
    private readonly ServiceProvider _services = new ServiceCollection()
        .Configure<WebhookOptions>(o => o.AllowedInternalHosts = ["127.0.0.1"])
        .AddWebhookClient()
        .BuildServiceProvider();
    private TestWebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _receiver = await TestWebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _services.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public void Signatures_match_the_reference_example_of_the_Standard_Webhooks_specification()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}"));
    }

    [Fact]
    public async Task A_stored_secret_is_not_the_secret_and_a_delivery_verifies_with_the_secret_shown_at_creation()
    {
        var (endpoint, secret) = await ReceiverAsync();
        var delivery = await TestDeliveryAsync(endpoint.Id);

        var stored = await StoredSecretAsync(endpoint.Id);
        Assert.NotEqual(secret, stored);
        Assert.DoesNotContain(secret[WebhookSignature.SecretPrefix.Length..], stored, StringComparison.Ordinal);
        Assert.Equal(AttemptOutcome.Delivered, await OutcomeAsync(delivery));
        Assert.True(Assert.Single(_receiver.Received).IsSignedWith(secret));
        // Whoever reads the table cannot sign with what is there, nor decrypt it without the key.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => new WebhookSecretProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Unprotect(stored));
    }

    [Fact]
    public async Task A_secret_stored_in_plain_text_by_an_older_version_is_encrypted_once_and_still_signs()
    {
        var (endpoint, _) = await ReceiverAsync();
        var plain = WebhookSignature.NewSecret();
        await using (var downgrade = _db.Database.DataSource.CreateCommand("UPDATE webhook_endpoints SET secret = $1 WHERE id = $2"))
        {
            downgrade.Parameters.Add(new() { Value = plain });
            downgrade.Parameters.Add(new() { Value = endpoint.Id });
            await downgrade.ExecuteNonQueryAsync();
        }

        Assert.Equal(1, await _db.Store.ProtectPlainSecretsAsync(CancellationToken.None));
        Assert.Equal(0, await _db.Store.ProtectPlainSecretsAsync(CancellationToken.None));

        Assert.DoesNotContain(
            plain[WebhookSignature.SecretPrefix.Length..], await StoredSecretAsync(endpoint.Id), StringComparison.Ordinal);
        Assert.Equal(AttemptOutcome.Delivered, await OutcomeAsync(await TestDeliveryAsync(endpoint.Id)));
        Assert.True(Assert.Single(_receiver.Received).IsSignedWith(plain));
    }

    [Fact]
    public async Task An_attempt_without_an_answer_in_time_is_retried_after_the_first_pause()
    {
        _receiver.Delay = TimeSpan.FromSeconds(3);
        var delivery = await DeliveryAsync();

        var result = await Sender(TimeSpan.FromSeconds(1)).AttemptAsync(delivery, CancellationToken.None);

        Assert.Equal(new AttemptResult(AttemptOutcome.Retry, TimeSpan.FromSeconds(7)), result);
        var logged = Assert.Single((await _db.Store.DeliveriesAsync(1, 10, CancellationToken.None)).Single().AttemptLog);
        Assert.Null(logged.StatusCode);
        Assert.Equal("no answer within 1 s", logged.Error);
    }

    [Fact]
    public async Task A_delivery_under_way_is_not_attempted_twice_at_once()
    {
        _receiver.Delay = TimeSpan.FromSeconds(1);
        var delivery = await DeliveryAsync();
        var sender = Sender(TimeSpan.FromSeconds(10));

        var first = sender.AttemptAsync(delivery, CancellationToken.None);
        await Task.Delay(300);
        var second = await sender.AttemptAsync(delivery, CancellationToken.None);

        Assert.Equal(AttemptOutcome.Nothing, second.Outcome);
        Assert.Equal(AttemptOutcome.Delivered, (await first).Outcome);
        Assert.Equal(AttemptOutcome.Nothing, (await sender.AttemptAsync(delivery, CancellationToken.None)).Outcome);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task Nothing_is_sent_to_a_deleted_receiver()
    {
        var delivery = await DeliveryAsync();
        await _db.Store.DeleteAsync(1, CancellationToken.None);

        Assert.Equal(AttemptOutcome.Nothing, await OutcomeAsync(delivery));
        Assert.Empty(_receiver.Received);
    }

    /// <summary>The test's receiver, configured: its endpoint and its secret.</summary>
    private Task<(WebhookEndpoint Endpoint, string Secret)> ReceiverAsync() =>
        _db.Store.CreateAsync(_receiver.Url, WebhookEventTypes.Material, ["clb-medewerker"], null, "test", CancellationToken.None);

    private Task<long> TestDeliveryAsync(long endpointId) =>
        _db.Store.AddAsync(endpointId, WebhookMessage.New(WebhookEventTypes.Test, _db.Clock.Now, null), CancellationToken.None);

    /// <summary>A delivery to a new receiver.</summary>
    private async Task<long> DeliveryAsync() => await TestDeliveryAsync((await ReceiverAsync()).Endpoint.Id);

    /// <summary>One attempt with time enough for an answer.</summary>
    private async Task<AttemptOutcome> OutcomeAsync(long delivery) =>
        (await Sender(TimeSpan.FromSeconds(10)).AttemptAsync(delivery, CancellationToken.None)).Outcome;

    private async Task<string> StoredSecretAsync(long endpointId)
    {
        await using var command = _db.Database.DataSource.CreateCommand("SELECT secret FROM webhook_endpoints WHERE id = $1");
        command.Parameters.Add(new() { Value = endpointId });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private WebhookSender Sender(TimeSpan timeout) => new(
        _db.Database,
        _db.Secrets,
        _services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(new WebhookOptions { Timeout = timeout, RetryDelays = [TimeSpan.FromSeconds(7)] }),
        _db.Clock,
        NullLogger<WebhookSender>.Instance);
}
