using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PocMaterials.Web.Tests.Newsletter.SubscriberEndpointTests;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>What the subscriber page does through the real host: an import's preview, search, one added and unsubscribed.</summary>
[Collection(SubscriberHost.Name)]
public sealed class SubscriberFormTests(SharedHost host)
{
    private const string Header = "email,name,roles,centre\n";

    [Fact]
    public async Task An_import_preview_counts_and_shows_errors_and_writes_nothing()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        const string Good = Header + "een@voorbeeld.example.org,Een,,\ntwee@voorbeeld.example.org,Twee,arts,gent\n";

        var preview = await editor.PostAsync("/api/newsletter/subscribers/import?dryRun=true", Csv(Good));
        var bad = await editor.PostAsync("/api/newsletter/subscribers/import?dryRun=true", Csv(Good + "geen-adres,Drie,,\n"));

        Assert.Equal("""{"created":2,"updated":0,"unchanged":0,"skippedUnsubscribed":0}""", await preview.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal((4, "invalid-email", "geen-adres"),
            (error.GetProperty("line").GetInt32(), error.GetProperty("code").GetString(), error.GetProperty("value").GetString()));
        Assert.Equal(
            0, await host.App.CountAsync("SELECT count(*) FROM newsletter_subscribers WHERE email_key LIKE '%@voorbeeld.example.org'"));
    }

    [Fact]
    public async Task One_subscriber_is_added_found_and_unsubscribed_for_good()
    {
        var editor = await host.App.ClientFor(["redacteur"]);
        var body = new { email = "Lien@Los.example.org", name = "Lien Los", roles = new[] { "arts" }, centre = "gent" };

        Assert.Equal(HttpStatusCode.Created, (await editor.PostAsJsonAsync("/api/newsletter/subscribers", body)).StatusCode);
        var found = await editor.GetFromJsonAsync<JsonElement>("/api/newsletter/subscribers?q=lien%20los");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        var id = found.GetProperty("subscribers")[0].GetProperty("id").GetInt64();
        Assert.Equal(0, (await editor.GetFromJsonAsync<JsonElement>("/api/newsletter/subscribers?q=niemand-zo")).GetProperty("total")
            .GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/newsletter/subscribers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await editor.PostAsJsonAsync("/api/newsletter/subscribers", body)).StatusCode);
        var import = await editor.PostAsync("/api/newsletter/subscribers/import", Csv(Header + "lien@los.example.org,Lien,,\n"));
        Assert.Contains("\"skippedUnsubscribed\":1", await import.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.DeleteAsync("/api/newsletter/subscribers/987654")).StatusCode);
        var nobody = new { email = "x", name = "", roles = new[] { "redacteur" } };
        var invalid = await editor.PostAsJsonAsync("/api/newsletter/subscribers", nobody);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
    }
}
