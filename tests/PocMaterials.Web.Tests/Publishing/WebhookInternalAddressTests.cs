using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PocMaterials.Publishing.Webhooks;
using PocMaterials.Testing;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>A host without Webhooks:AllowedInternalHosts: its editors cannot point receivers at the server's own network.</summary>
public sealed class InternalAddressHost : HostFixture
{
    public HttpClient Editor { get; private set; } = null!;

    protected override async Task StartedAsync() => Editor = await App.ClientFor(["redacteur"]);
}

/// <summary>
/// Receivers at loopback, private, link-local (cloud metadata), shared and unique-local addresses are refused when
/// saved and again when connecting. Only loopback traffic is made: every other address is refused before any packet.
/// </summary>
public sealed class WebhookInternalAddressTests(InternalAddressHost host) : IClassFixture<InternalAddressHost>
{
    [Theory]
    [InlineData("http://127.0.0.1/hooks")]
    [InlineData("http://127.1/hooks")]
    [InlineData("http://2130706433/hooks")]
    [InlineData("http://0x7f000001/hooks")]
    [InlineData("http://[::1]:8080/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks")]
    [InlineData("http://0.0.0.0/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.1/hooks")]
    [InlineData("http://192.168.1.1/hooks")]
    [InlineData("http://100.64.0.1/hooks")]
    [InlineData("http://[fd00::1]/hooks")]
    [InlineData("http://[fe80::1]/hooks")]
    [InlineData("http://localhost:8080/hooks")]
    public async Task A_receiver_at_an_internal_address_is_refused_when_saved(string url)
    {
        var response = await host.Editor.PostAsJsonAsync("/api/webhooks", new { url });
        // Should it be saved after all, it is removed at once, so that no event is ever sent to it.
        if (response.StatusCode == HttpStatusCode.Created)
            await host.Editor.DeleteAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("url")[0].GetString();
        Assert.Contains("internal address", error, StringComparison.Ordinal);
        Assert.Contains("Webhooks:AllowedInternalHosts", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_receiver_saved_while_loopback_was_allowed_is_refused_when_connecting(string hostName)
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        // Saved by a host that allowed it, or by a name that resolved elsewhere then: the setting is gone now.
        var url = receiver.Url.Replace("127.0.0.1", hostName, StringComparison.Ordinal);
        var (endpoint, _) = await host.App.Services.GetRequiredService<WebhookStore>().CreateAsync(
            url, WebhookEventTypes.Material, ["clb-medewerker"], null, "test", CancellationToken.None);
        var id = endpoint.Id;

        Assert.Equal(HttpStatusCode.Accepted, (await host.Editor.PostAsync($"/api/webhooks/{id}/test", null)).StatusCode);
        var attempt = await FirstAttemptAsync(id);

        Assert.Contains("internal address", attempt.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("statusCode").ValueKind);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task An_allowed_internal_host_that_is_neither_a_name_nor_an_address_stops_the_start()
    {
        using var folder = ContentFolder.WithFixture();

        var error = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(folder, "Development",
            new Dictionary<string, string?> { ["Webhooks:AllowedInternalHosts:0"] = "intranet/hooks" }));

        Assert.Contains("Webhooks:AllowedInternalHosts: 'intranet/hooks'", error.Message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> FirstAttemptAsync(long id)
    {
        JsonElement deliveries = default, attempt = default;
        await Eventually.TrueAsync(async () =>
        {
            deliveries = await host.Editor.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}/deliveries");
            attempt = deliveries.EnumerateArray().SelectMany(d => d.GetProperty("attemptLog").EnumerateArray()).FirstOrDefault();
            return attempt.ValueKind == JsonValueKind.Object;
        }, () => $"no attempt was made: {deliveries}", seconds: 60);
        return attempt;
    }
}
