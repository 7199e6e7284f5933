using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Webhooks;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// Webhook events through the real host, real files and a receiver the test starts: signed events for what staff
/// can see, retried with back-off, logged, announced once by two hosts sharing a content folder.
/// </summary>
[Collection(SharedWebhookHost.Name)]
public sealed class WebhookDeliveryTests(WebhookHost host)
{
    private HttpClient Editor => host.Editor;

    [Fact]
    public async Task Publishing_updating_unpublishing_and_removing_a_material_reach_the_receiver_signed()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        var (_, secret) = await host.CreateAsync(receiver);
        const string slug = "fiche-webhook-levenscyclus";
        IReadOnlyList<ReceivedWebhook> Events() => receiver.Received.Where(r => r.Slug == slug).ToList();

        // A draft is for editors only: no event until it is published.
        await host.PutAsync(slug, "status: draft");
        await host.PutAsync(slug, "status: published", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 1, "the published event");
        host.Folder.WriteMaterial(
            slug,
            "title: Fiche webhook, met de hand bijgewerkt\ntype: fiche\nthemes: [decreet-leersteun]",
            "Geheime inhoud zonnebloem, nu langer.");
        await receiver.WaitForAsync(_ => Events().Count == 2, "the updated event of a hand edit");
        await host.PutAsync(slug, "status: draft", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 3, "the unpublished event");
        await host.PutAsync(slug, "status: published", ifMatch: true);
        await receiver.WaitForAsync(_ => Events().Count == 4, "the published event again");
        Assert.Equal(HttpStatusCode.NoContent, (await Editor.DeleteAsync($"/api/materials/{slug}")).StatusCode);
        var events = await receiver.WaitForAsync(_ => Events().Count == 5, "the removed event");

        events = Events();
        Assert.Equal(
            ["material.published", "material.updated", "material.unpublished", "material.published", "material.removed"],
            events.Select(e => e.Type));
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
        var (id, secret) = await host.CreateAsync(receiver);

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
        Assert.DoesNotContain(
            "refused by the test", await Editor.GetStringAsync($"/api/webhooks/{id}/deliveries"), StringComparison.Ordinal);
        // The back-off: the retry came after the configured 3 seconds (Hangfire schedules to the whole second).
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromSeconds(2), $"retried after {received[1].At - received[0].At}");
    }

    [Fact]
    public async Task A_delivery_fails_after_its_last_attempt()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        receiver.AnswerWith(503, 503, 503, 503);
        var (id, _) = await host.CreateAsync(receiver);

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
        await host.CreateAsync(everyone);
        await host.CreateAsync(doctors, roles: ["arts"]);
        const string forDoctors = "fiche-webhook-artsen", forAll = "fiche-webhook-iedereen";

        await host.PutAsync(forDoctors, "roles: [arts]");
        await host.PutAsync(forAll, "roles: [clb-medewerker]");
        await doctors.WaitForAsync(r => r.Any(e => e.Slug == forDoctors) && r.Any(e => e.Slug == forAll), "both materials");
        await everyone.WaitForAsync(r => r.Any(e => e.Slug == forAll), "the material for everyone");
        // For everyone now: to a receiver serving every staff member, it is published; for doctors, updated.
        await host.PutAsync(forDoctors, "roles: [clb-medewerker]", ifMatch: true);
        await everyone.WaitForAsync(r => r.Any(e => e.Slug == forDoctors), "the material once it is for everyone");
        await doctors.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 2, "the update");
        // For doctors again: the others' receiver hears it is gone from what they may see.
        await host.PutAsync(forDoctors, "roles: [arts]", ifMatch: true);
        await everyone.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 2, "the material unpublished for everyone");

        Assert.Equal(
            ["material.published", "material.unpublished"],
            everyone.Received.Where(e => e.Slug == forDoctors).Select(e => e.Type));
        var last = everyone.Received.Last(e => e.Slug == forDoctors).Json.GetProperty("material");
        Assert.Equal(["clb-medewerker"], last.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        await doctors.WaitForAsync(r => r.Count(e => e.Slug == forDoctors) == 3, "the second update");
        Assert.Equal(
            ["material.published", "material.updated", "material.updated"],
            doctors.Received.Where(e => e.Slug == forDoctors).Select(e => e.Type));
    }

    [Fact]
    public async Task Two_hosts_on_one_content_folder_announce_each_change_once()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        await host.CreateAsync(receiver);
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

        Assert.Equal(
            ["material.published", "material.updated", "material.removed"],
            receiver.Received.Where(e => e.Slug == slug).Select(e => e.Type));
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
