using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// One host for the webhook tests, whose retries come after seconds instead of minutes, and what they ask of it as an
/// editor.
/// </summary>
public sealed class WebhookHost : HostFixture
{
    public static readonly Dictionary<string, string?> HostSettings = new()
    {
        ["Webhooks:RetryDelays:0"] = "00:00:03",
        ["Webhooks:RetryDelays:1"] = "00:00:01",
        ["Webhooks:CheckInterval"] = "00:00:01",
        ["Jobs:SchedulePollingInterval"] = "00:00:01",
        ["Newsletter:PublicBaseUrl"] = "https://materialen.example.org",
        // The test receivers listen on loopback, which receivers may only reach when it is allowed.
        ["Webhooks:AllowedInternalHosts:0"] = "127.0.0.1",
        // Shared by the hosts of the two-host test, as hosts on one database must share it.
        ["Webhooks:SecretKey"] = "webhook-secret-key-of-the-tests-0123456789",
    };

    public HttpClient Editor { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => HostSettings;

    protected override async Task StartedAsync() => Editor = await App.ClientFor(["redacteur"]);

    /// <summary>Adds a receiver at <paramref name="receiver"/>'s address as an editor: its id and secret.</summary>
    public async Task<(long Id, string Secret)> CreateAsync(TestWebhookReceiver receiver, string[]? roles = null)
    {
        var response = await Editor.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, roles });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>Creates or replaces a fiche through the API, with one extra front matter line.</summary>
    public async Task PutAsync(string slug, string line, bool ifMatch = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
        {
            Content = new StringContent(
                $"---\ntitle: Fiche {slug}\ntype: fiche\nthemes: [decreet-leersteun]\n{line}\n---\nGeheime inhoud zonnebloem.\n",
                Encoding.UTF8,
                "text/markdown"),
        };
        if (ifMatch)
            request.Headers.IfMatch.Add((await Editor.GetAsync($"/api/materials/{slug}/source")).Headers.ETag!);
        var response = await Editor.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>One <see cref="WebhookHost"/> for <see cref="WebhookTests"/> and <see cref="WebhookDeliveryTests"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SharedWebhookHost : ICollectionFixture<WebhookHost>
{
    public const string Name = "Webhook host";
}
