using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Content.Visibility;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>
/// The form's publication buttons (Bewaar als concept, Publiceer nu, Plan in op, Haal offline) sent with its fields, on a
/// host whose clock the test moves: a scheduled material stays hidden from staff until its day starts in Brussels.
/// </summary>
public sealed class PublicationActionTests : MaterialPublishingHost
{
    /// <summary>Real time, so the tokens the host signs are valid now; moved a day on by the test.</summary>
    private readonly TestClock _clock = new(DateTimeOffset.UtcNow);

    protected override Action<IServiceCollection> Services => services => services.AddSingleton<TimeProvider>(_clock);

    private DateOnly Today => new StaffCalendar(_clock).Today;

    [Fact]
    public async Task A_material_scheduled_for_tomorrow_is_hidden_from_staff_until_its_day()
    {
        var tomorrow = Today.AddDays(1).ToString("yyyy-MM-dd");

        var created = await Save("ingepland", "schedule", tomorrow, etag: null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains($"\npublished: {tomorrow}\n", File.ReadAllText(FileOf("ingepland")), StringComparison.Ordinal);
        Assert.Equal(("scheduled", tomorrow), await StateAsync("ingepland"));
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync("/api/materials/ingepland")).StatusCode);
        Assert.Equal(0, await FoundAsync());
        Assert.Equal(HttpStatusCode.OK, (await Editor.GetAsync("/api/materials/ingepland")).StatusCode);

        _clock.Now += TimeSpan.FromDays(1);

        Assert.Equal(("published", tomorrow), await StateAsync("ingepland"));
        Assert.Equal(HttpStatusCode.OK, (await Staff.GetAsync("/api/materials/ingepland")).StatusCode);
        Assert.Equal(1, await FoundAsync());
    }

    [Fact]
    public async Task Draft_publish_and_offline_set_the_status_and_publication_date()
    {
        var today = Today.ToString("yyyy-MM-dd");

        var draft = await Save("concept", "draft", null, etag: null);
        var afterDraft = (await StateAsync("concept"), await Staff.GetAsync("/api/materials/concept"));
        var published = await Save("concept", "publish", null, draft.Headers.ETag);
        var afterPublish = (await StateAsync("concept"), await Staff.GetAsync("/api/materials/concept"));
        var offline = await Save("concept", "offline", null, published.Headers.ETag);

        Assert.Equal((HttpStatusCode.Created, ("draft", (string?)null), HttpStatusCode.NotFound),
            (draft.StatusCode, afterDraft.Item1, afterDraft.Item2.StatusCode));
        Assert.Equal((HttpStatusCode.OK, ("published", today), HttpStatusCode.OK),
            (published.StatusCode, afterPublish.Item1, afterPublish.Item2.StatusCode));
        Assert.Equal(HttpStatusCode.OK, offline.StatusCode);
        Assert.Equal(("draft", today), await StateAsync("concept"));
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.GetAsync("/api/materials/concept")).StatusCode);
        Assert.Equal(
            $"---\ntitle: Huisbezoek bij verzuim\ntype: fiche\npublished: {today}\nstatus: draft\n---\n\nOver huisbezoeken bij verzuim.\n",
            File.ReadAllText(FileOf("concept")));
    }

    [Fact]
    public async Task A_schedule_needs_a_day_after_today_and_an_action_must_be_known()
    {
        var today = await Save("te-vroeg", "schedule", Today.ToString("yyyy-MM-dd"), etag: null);
        var noDate = await Save("te-vroeg", "schedule", null, etag: null);
        var unknown = await Save("te-vroeg", "archiveer", null, etag: null);

        Assert.Equal(
            [("publication.date", "not-in-future"), ("publication.date", "invalid-date"), ("publication.action", "invalid")],
            await Task.WhenAll(new[] { today, noDate, unknown }.Select(async r =>
            {
                Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
                var error = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0];
                return (error.GetProperty("field").GetString(), error.GetProperty("code").GetString());
            })));
        Assert.False(File.Exists(Path.Combine(Folder.ContentPath, "materials", "te-vroeg.md")));
    }

    /// <summary>The form's save: the fields it read (a new material's title and type), its body, the button pressed.</summary>
    private async Task<HttpResponseMessage> Save(string slug, string action, string? date, EntityTagHeaderValue? etag)
    {
        var fields = etag is null
            ? new Dictionary<string, JsonElement>
            {
                ["title"] = JsonSerializer.SerializeToElement("Huisbezoek bij verzuim"),
                ["type"] = JsonSerializer.SerializeToElement("fiche"),
            }
            : (await Editor.GetFromJsonAsync<JsonElement>($"/api/materials/{slug}/fields")).GetProperty("fields")
                .Deserialize<Dictionary<string, JsonElement>>()!;
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/materials/{slug}")
        {
            Content = JsonContent.Create(new { fields, body = "Over huisbezoeken bij verzuim.", publication = new { action, date } }),
        };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag);
        return await Editor.SendAsync(request);
    }

    private async Task<(string?, string?)> StateAsync(string slug)
    {
        var publication = (await Editor.GetFromJsonAsync<JsonElement>($"/api/materials/{slug}/fields")).GetProperty("publication");
        return (publication.GetProperty("state").GetString(), publication.GetProperty("date").GetString());
    }

    private async Task<int> FoundAsync() =>
        (await Staff.GetFromJsonAsync<JsonElement>("/api/search?q=huisbezoek")).GetProperty("total").GetInt32();

    private string FileOf(string slug) => Path.Combine(Folder.ContentPath, "materials", slug + ".md");
}
