using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Webhook receivers through the real host: only editors manage them, validated, their secret shown once and kept
/// encrypted, and nothing more for one deleted.
/// </summary>
[Collection(SharedWebhookHost.Name)]
public sealed class WebhookTests(WebhookHost host)
{
    private HttpClient Editor => host.Editor;

    [Fact]
    public async Task Only_editors_manage_webhooks()
    {
        var staff = await host.App.ClientFor(["clb-medewerker", "directeur"]);

        Assert.Equal(
            HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/hooks" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.CreateClient().GetAsync("/api/webhooks")).StatusCode);
        Assert.Equal(0, await host.App.CountAsync("SELECT count(*) FROM webhook_endpoints WHERE url = 'http://127.0.0.1:9/hooks'"));
    }

    [Fact]
    public async Task A_receiver_is_validated_and_its_secret_shown_once()
    {
        var refused = await Editor.PostAsJsonAsync(
            "/api/webhooks", new { url = "ftp://example.org/hooks", events = new[] { "material.renamed" }, roles = new[] { "piloot" } });
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
        Assert.Equal(
            ["material.published", "material.updated", "material.unpublished", "material.removed"],
            body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
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
    public async Task A_secret_stored_in_plain_text_by_an_older_version_is_encrypted_when_a_host_starts_and_still_signs()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (id, _) = await host.CreateAsync(receiver);
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

        Assert.DoesNotContain(
            plain[PocMaterials.Publishing.Webhooks.WebhookSignature.SecretPrefix.Length..],
            await StoredSecretAsync(id),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, (await Editor.PostAsync($"/api/webhooks/{id}/test", null)).StatusCode);
        var received = await receiver.WaitForAsync(r => r.Count == 1, "the test event");
        Assert.True(received[0].IsSignedWith(plain));
    }

    [Fact]
    public async Task A_deleted_receiver_gets_nothing_more()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (id, _) = await host.CreateAsync(receiver);
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync($"/api/webhooks/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Editor.PostAsync($"/api/webhooks/{id}/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Editor.GetAsync($"/api/webhooks/{id}/deliveries")).StatusCode);
        await host.PutAsync("fiche-webhook-na-verwijderen", "roles: [clb-medewerker]");
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
        await using var command = new Npgsql.NpgsqlCommand("SELECT secret FROM webhook_endpoints WHERE id = $1", connection)
        {
            Parameters = { new() { Value = id } },
        };
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
