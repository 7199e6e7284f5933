using System.Net;
using System.Net.Http.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

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
        await Eventually.TrueAsync(
            () => App.Logs.Entries.Any(e => e.Message.StartsWith("Recording webhook events failed", StringComparison.Ordinal)),
            "recording the change did not fail", seconds: 30);

        // A delivery whose job was lost with its host, due ten minutes ago.
        await TestPostgres.ExecuteAsync(App.ConnectionString, """
            INSERT INTO webhook_deliveries (endpoint_id, message_id, event_type, payload, status, next_attempt_at)
            SELECT id, 'msg_verloren', 'webhook.test', '{"id":"msg_verloren","type":"webhook.test"}', 'pending',
                now() - interval '10 minutes'
            FROM webhook_endpoints
            """);

        var received = await receiver.WaitForAsync(r => r.Count == 1, "the delivery the killed host left");
        Assert.Equal("msg_verloren", received[0].Id);
    }
}
