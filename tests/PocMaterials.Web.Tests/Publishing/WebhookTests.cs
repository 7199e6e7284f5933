using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>One host for the webhook tests, whose retries come after seconds instead of minutes.</summary>
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
}

/// <summary>
/// Webhooks through the real host, real files and a receiver the test starts: signed events for what staff
/// can see, retried with back-off, logged, announced once by two hosts sharing a content folder.
/// </summary>
public sealed class WebhookTests(WebhookHost host) : IClassFixture<WebhookHost>
{
    private HttpClient Editor => host.Editor;

    [Fact]
    public async Task Only_editors_manage_webhooks()
    {
        var staff = await host.App.ClientFor(["clb-medewerker", "directeur"]);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hooks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.CreateClient().GetAsync("/api/webhooks")).StatusCode);
        Assert.Equal(0, await host.App.CountAsync("SELECT count(*) FROM webhook_endpoints WHERE url = 'http://127.0.0.1:9/hooks'"));
    }

    [Fact]
    public async Task A_receiver_is_validated_and_its_secret_shown_once()
    {
        var refused = await Editor.PostAsJsonAsync("/api/webhooks", new { url = "ftp://example.org/hooks", events = new[] { "material.renamed" }, roles = new[] { "piloot" } });
        var editors = await Editor.PostAsJsonAsync("/api/webhooks", new { url = "/hooks", roles = new[] { "redacteur" } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("ftp://example.org/hooks", errors.GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("material.renamed", errors.GetProperty("events")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("piloot", errors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        var editorErrors = (await editors.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(editorErrors.TryGetProperty("url", out _));
        Assert.Contains("redacteur", editorErrors.GetProperty("roles")[0].GetString(), StringComparison.Ordinal);

        var created = await Editor.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hooks/poc", description = "Intranet" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("whsec_", body.GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(["material.published", "material.updated", "material.unpublished", "material.removed"], body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["clb-medewerker"], body.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        var id = body.GetProperty("id").GetInt64();
        var listed = await Editor.GetStringAsync("/api/webhooks");
        Assert.Contains("127.0.0.1:9/hooks/poc", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", await Editor.GetStringAsync($"/api/webhooks/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync($"/api/webhooks/{id}")).StatusCode);
        Assert.True(await host.App.CountAsync("SELECT count(*) FROM audit_log WHERE action = 'POST /api/webhooks/'") >= 2);
    }

    [Fact]
    public async Task Publishing_updating_unpublishing_and_removing_a_material_reach_the_receiver_signed()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (_, secret) = await CreateAsync(receiver);
        const string slug = "fiche-webhook-levenscyclus";
        IReadOnlyList<ReceivedWebhook> Events() => receiver.Received.Where(r => r.Slug == slug).ToList();

        // A draft is for editors only: no event until it is published.
        await PutAsync(slug, "status: draft");
        await PutAsync(slug, "status: published", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 1, "the published event");
        host.Folder.WriteMaterial(slug, "title: Fiche webhook, met de hand bijgewerkt\ntype: fiche\nthemes: [decreet-leersteun]", "Geheime inhoud zonnebloem, nu langer.");
        await receiver.WaitForAsync(_ => Events().Count == 2, "the updated event of a hand edit");
        await PutAsync(slug, "status: draft", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 3, "the unpublished event");
        await PutAsync(slug, "status: published", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 4, "the published event again");
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync($"/api/materials/{slug}")).StatusCode);
        var events = await receiver.WaitForAsync(_ => Events().Count == 5, "the removed event");

        events = Events();
        Assert.Equal(["material.published", "material.updated", "material.unpublished", "material.published", "material.removed"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.True(e.IsSignedWith(secret), $"not signed with the receiver's secret: {e.Signature}"));
        Assert.All(events, e => Assert.Equal("application/json", e.ContentType?.Split(';')[0]));
        Assert.All(events, e => Assert.InRange(long.Parse(e.Timestamp!, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        Assert.Equal(5, events.Select(e => e.Id).Distinct().Count());
        Assert.All(events, e => Assert.Equal(e.Id, e.Json.GetProperty("id").GetString()));
        Assert.All(events, e => Assert.DoesNotContain("zonnebloem", e.Body, StringComparison.Ordinal));
        var updated = events[1].Json.GetProperty("material");
        Assert.Equal("Fiche webhook, met de hand bijgewerkt", updated.GetProperty("title").GetString());
        Assert.Equal("fiche", updated.GetProperty("type").GetString());
        Assert.Equal(["decreet-leersteun"], updated.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(["clb-medewerker"], updated.GetProperty("roles").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"https://materialen.example.org/materials/{slug}", updated.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_with_the_same_id_and_logged()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        receiver.AnswerWith(500);
        var (id, secret) = await CreateAsync(receiver);

        var sent = await (await Editor.PostAsync($"/api/webhooks/{id}/test", null)).Content.ReadFromJsonAsync<JsonElement>();
        var received = await receiver.WaitForAsync(r => r.Count == 2, "a refused attempt and a retry");

        Assert.Equal([500, 200], received.Select(r => r.Answer));
        Assert.All(received, r => Assert.Equal(sent.GetProperty("messageId").GetString(), r.Id));
        Assert.All(received, r => Assert.True(r.IsSignedWith(secret)));
        Assert.Equal("webhook.test", received[1].Type);
        var delivery = await WaitForDeliveryAsync(id, "delivered");
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastStatusCode").GetInt32());
        var log = delivery.GetProperty("attemptLog").EnumerateArray().ToList();
        Assert.Equal([500, 200], log.Select(a => a.GetProperty("statusCode").GetInt32()));
        // The status code, never what the receiver wrote in its answer.
        Assert.Equal("answered 500", log[0].GetProperty("error").GetString());
        Assert.DoesNotContain("refused by the test", await Editor.GetStringAsync($"/api/webhooks/{id}/deliveries"), StringComparison.Ordinal);
        // The back-off: the retry came after the configured 3 seconds (Hangfire schedules to the whole second).
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromSeconds(2), $"retried after {received[1].At - received[0].At}");
    }

    [Fact]
    public async Task A_delivery_fails_after_its_last_attempt()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        receiver.AnswerWith(503, 503, 503, 503);
        var (id, _) = await CreateAsync(receiver);

        await Editor.PostAsync($"/api/webhooks/{id}/test", null);
        var delivery = await WaitForDeliveryAsync(id, "failed");

        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(503, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("503", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task A_receiver_hears_only_of_materials_its_roles_may_see()
    {
        await using var everyone = await TestWebhookReceiver.StartAsync();
        await using var doctors = await TestWebhookReceiver.StartAsync();
        await CreateAsync(everyone);
        await CreateAsync(doctors, roles: ["arts"]);
        const string forDoctors = "fiche-webhook-artsen", forAll = "fiche-webhook-iedereen";

        await PutAsync(forDoctors, "roles: [arts]");
        await PutAsync(forAll, "roles: [clb-medewerker]");
        await doctors.WaitForAsync(r => r.Any(e => e.Slug == forDoctors) && r.Any(e => e.Slug == forAll), "both materials");
        await everyone.WaitForAsync(r => r.Any(e => e.Slug == forAll), "the material for everyone");
        // For everyone now: to a receiver serving every staff member, it is published; for doctors, updated.
        await PutAsync(forDoctors, "roles: [clb-medewerker]", ifMatch: true);
        await everyone.WaitForAsync(r => r.Any(e => e.Slug == forDoctors), "the material once it is for everyone");
        await doctors.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 2, "the update");
        // For doctors again: the others' receiver hears it is gone from what they may see.
        await PutAsync(forDoctors, "roles: [arts]", ifMatch: true);
        await everyone.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 2, "the material unpublished for everyone");

        Assert.Equal(["material.published", "material.unpublished"], everyone.Received.Where(e => e.Slug == forDoctors).Select(e => e.Type));
        var last = everyone.Received.Last(e => e.Slug == forDoctors).Json.GetProperty("material");
        Assert.Equal(["clb-medewerker"], last.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await doctors.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 3, "the second update");
        Assert.Equal(["material.published", "material.updated", "material.updated"], doctors.Received.Where(e => e.Slug == forDoctors).Select(e => e.Type));
    }

    [Fact]
    public async Task Two_hosts_on_one_content_folder_announce_each_change_once()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await CreateAsync(receiver);
        var settings = new Dictionary<string, string?>(WebhookHost.HostSettings)
        {
            ["Postgres:ConnectionString"] = host.App.ConnectionString,
            ["Data:DataPath"] = Path.Combine(host.Folder.Root, "data-second-host"),
        };
        await using var second = new PocMaterialsApp(host.Folder, settings: settings);
        await second.ClientFor(["redacteur"]);
        const string slug = "fiche-webhook-twee-servers";

        host.Folder.WriteMaterial(slug, "title: Fiche twee servers\ntype: fiche", "Eerste versie.");
        await receiver.WaitForAsync(r => r.Any(e => e.Slug == slug), "the published event");
        host.Folder.WriteMaterial(slug, "title: Fiche twee servers\ntype: fiche", "Tweede versie.");
        await receiver.WaitForAsync(r => r.Count(e => e.Slug == slug) == 2, "the updated event");
        File.Delete(Path.Combine(host.Folder.ContentPath, "materials", slug + ".md"));
        await receiver.WaitForAsync(r => r.Count(e => e.Slug == slug) == 3, "the removed event");
        // Both hosts have had time to see every change.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(["material.published", "material.updated", "material.removed"], receiver.Received.Where(e => e.Slug == slug).Select(e => e.Type));
    }

    [Fact]
    public async Task A_secret_stored_in_plain_text_by_an_older_version_is_encrypted_when_a_host_starts_and_still_signs()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (id, _) = await CreateAsync(receiver);
        var plain = PocMaterials.Publishing.Webhooks.WebhookSignature.NewSecret();
        await SetStoredSecretAsync(id, plain);

        // A host starting on the database encrypts it (the first one runs on; it signs with what is stored).
        var settings = new Dictionary<string, string?>(WebhookHost.HostSettings)
        {
            ["Postgres:ConnectionString"] = host.App.ConnectionString,
            ["Data:DataPath"] = Path.Combine(host.Folder.Root, "data-upgrading-host"),
        };
        await using (var upgrading = new PocMaterialsApp(host.Folder, settings: settings))
            await upgrading.ClientFor(["redacteur"]);

        Assert.DoesNotContain(plain[PocMaterials.Publishing.Webhooks.WebhookSignature.SecretPrefix.Length..], await StoredSecretAsync(id), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await Editor.PostAsync($"/api/webhooks/{id}/test", null)).StatusCode);
        var received = await receiver.WaitForAsync(r => r.Count == 1, "the test event");
        Assert.True(received[0].IsSignedWith(plain));
    }

    [Fact]
    public async Task A_deleted_receiver_gets_nothing_more()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (id, _) = await CreateAsync(receiver);
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync($"/api/webhooks/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Editor.PostAsync($"/api/webhooks/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync($"/api/webhooks/{id}/deliveries")).StatusCode);
        await PutAsync("fiche-webhook-na-verwijderen", "roles: [clb-medewerker]");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Empty(receiver.Received);
    }

    private async Task SetStoredSecretAsync(long id, string secret)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("UPDATE webhook_endpoints SET secret = $1 WHERE id = $2", connection)
        {
            Parameters = { new() { Value = secret }, new() { Value = id } },
        };
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> StoredSecretAsync(long id)
    {
        await using var connection = new Npgsql.NpgsqlConnection(host.App.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT secret FROM webhook_endpoints WHERE id = $1", connection) { Parameters = { new() { Value = id } } };
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(long Id, string Secret)> CreateAsync(TestWebhookReceiver receiver, string[]? roles = null)
    {
        var response = await Editor.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, roles });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("secret").GetString()!);
    }

    /// <summary>Creates or replaces a fiche through the API, with one extra front matter line.</summary>
    private async Task PutAsync(string slug, string line, bool ifMatch = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
        {
            Content = new StringContent($"---\ntitle: Fiche {slug}\ntype: fiche\nthemes: [decreet-leersteun]\n{line}\n---\nGeheime inhoud zonnebloem.\n",
                Encoding.UTF8, "text/markdown"),
        };
        if (ifMatch)
            request.Headers.IfMatch.Add((await Editor.GetAsync($"/api/materials/{slug}/source")).Headers.ETag!);
        var response = await Editor.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> WaitForDeliveryAsync(long endpointId, string status)
    {
        JsonElement deliveries = default, delivery = default;
        await Eventually.TrueAsync(async () =>
        {
            deliveries = await Editor.GetFromJsonAsync<JsonElement>($"/api/webhooks/{endpointId}/deliveries");
            delivery = deliveries.EnumerateArray().FirstOrDefault(d => d.GetProperty("status").GetString() == status);
            return delivery.ValueKind == JsonValueKind.Object;
        }, () => $"no delivery became {status}: {deliveries}", seconds: 60);
        return delivery;
    }
}

/// <summary>The periodic check on a host of its own, whose database the test damages.</summary>
public sealed class WebhookCheckTests : HostFixture
{
    protected override IDictionary<string, string?> Settings => WebhookHost.HostSettings;

    [Fact]
    public async Task Deliveries_a_killed_host_left_go_out_while_comparing_the_content_fails()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var editor = await App.ClientFor(["redacteur"]);
        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url })).StatusCode);
        // From here on every check fails to compare the content: a change fails to be recorded, and each check compares all again.
        await TestPostgres.ExecuteAsync(App.ConnectionString, "ALTER TABLE webhook_material_states RENAME TO webhook_material_states_weg");
        Folder.WriteMaterial("met-de-hand", "title: Met de hand\ntype: fiche");
        await Eventually.TrueAsync(() => App.Logs.Entries.Any(e => e.Message.StartsWith("Recording webhook events failed", StringComparison.Ordinal)),
            "recording the change did not fail", seconds: 30);

        // A delivery whose job was lost with its host, due ten minutes ago.
        await TestPostgres.ExecuteAsync(App.ConnectionString, """
            INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, payload, status, next_attempt_at)
            SELECT id, 'msg_verloren', 'webhook.test', '{"id":"msg_verloren","type":"webhook.test"}', 'pending', now() - interval '10 minutes'
            FROM webhook_endpoints
            """);

        var received = await receiver.WaitForAsync(r => r.Count == 1, "the delivery the killed host left");
        Assert.Equal("msg_verloren", received[0].Id);
    }
}
