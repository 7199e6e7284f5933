using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>One host for the subscriber and unsubscribe tests: each test has addresses of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SubscriberHost : ICollectionFixture<SharedHost>
{
    public const string Name = "Subscriber host";
}

/// <summary>The editors' subscriber import and list through the real host and database.</summary>
[Collection(SubscriberHost.Name)]
public sealed class SubscriberEndpointTests(SharedHost host)
{
    private const string Import = "/api/newsletter/subscribers/import";
    private const string Header = "email,name,roles,centre\n";
    private PocMaterialsApp App => host.App;

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_good_file_creates_subscribers_and_a_re_import_updates_them_without_duplicates()
    {
        var editor = await App.ClientFor(["redacteur"]);

        var first = await editor.PostAsync(Import, Csv(Header + "Jan@Goed.example.org,Jan,arts,gent\nan@goed.example.org,An,,\n"));
        var second = await editor.PostAsync(Import, Csv(Header
            + "jan@goed.example.org,Jan Peeters,arts,gent\nAN@goed.example.org,An,,\nels@goed.example.org,Els,directeur,brussel\n"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("""{"created":2,"updated":0,"unchanged":0,"skippedUnsubscribed":0}""", await first.Content.ReadAsStringAsync());
        Assert.Equal("""{"created":1,"updated":2,"unchanged":0,"skippedUnsubscribed":0}""", await second.Content.ReadAsStringAsync());
        Assert.Equal(3, await App.CountAsync("SELECT count(*) FROM newsletter_subscribers WHERE email_key LIKE '%@goed.example.org'"));
        Assert.Equal(1, await App.CountAsync(
            "SELECT count(*) FROM newsletter_subscribers WHERE email = 'jan@goed.example.org' AND name = 'Jan Peeters'"));
    }

    [Fact]
    public async Task A_file_with_errors_is_a_422_problem_listing_every_line_and_writes_nothing()
    {
        var editor = await App.ClientFor(["redacteur"]);

        var response = await editor.PostAsync(Import, Csv(Header +
            "ok@fout.example.org,Ok,,gent\nfout.example.org,Piet,,gent\n" +
            "an@fout.example.org,,piloot,gent\nOK@fout.example.org,Dubbel,,antwerpen\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "email"), (4, "name"), (4, "roles"), (5, "email"), (5, "centre")], errors);
        Assert.Contains("5 errors", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(
            "SELECT count(*) FROM newsletter_subscribers WHERE email_key LIKE '%@fout.example.org'"));
    }

    [Fact]
    public async Task A_Latin_1_file_an_address_needing_SMTPUTF8_and_the_editor_role_are_a_422_and_write_nothing()
    {
        var editor = await App.ClientFor(["redacteur"]);
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes(Header + "rene@latin.example.org,René,,gent\n"));
        latin1.Headers.ContentType = new("text/csv");

        var encoding = await editor.PostAsync(Import, latin1);
        var rows = await editor.PostAsync(
            Import, Csv(Header + "zoë@utf8.example.org,Zoë,,gent\nred@utf8.example.org,Redactie,redacteur,\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, encoding.StatusCode);
        var encodingError = (await encoding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal(2, encodingError.GetProperty("line").GetInt32());
        Assert.Contains("not UTF-8", encodingError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rows.StatusCode);
        var errors = (await rows.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e =>
                $"{e.GetProperty("line").GetInt32()} {e.GetProperty("column").GetString()}: {e.GetProperty("message").GetString()}")
            .ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("2 email: 'zoë@utf8.example.org' has characters beyond ASCII before the @", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("3 roles: 'redacteur' is not a subscriber's role", errors[1], StringComparison.Ordinal);
        Assert.Equal(0, await App.CountAsync(
            "SELECT count(*) FROM newsletter_subscribers WHERE email_key LIKE '%latin.example.org' OR email_key LIKE '%utf8.example.org'"));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_and_a_body_that_is_not_csv_is_415()
    {
        var editor = await App.ClientFor(["redacteur"]);
        var large = new ByteArrayContent(new byte[PocMaterials.Newsletter.Subscribers.SubscriberCsv.MaxBytes + 1]);
        large.Headers.ContentType = new("text/csv");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await editor.PostAsync(Import, large)).StatusCode);
        Assert.Equal(
            HttpStatusCode.UnsupportedMediaType, (await editor.PostAsJsonAsync(Import, new { email = "a@example.org" })).StatusCode);
    }

    [Fact]
    public async Task Editors_see_who_unsubscribed_and_when_and_an_import_does_not_resubscribe_them()
    {
        var editor = await App.ClientFor(["redacteur"]);
        await editor.PostAsync(Import, Csv(Header + "weg@lijst.example.org,Weg,,gent\nblijft@lijst.example.org,Blijft,,gent\n"));
        var id = await App.CountAsync("SELECT id FROM newsletter_subscribers WHERE email = 'weg@lijst.example.org'");
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().PostAsync(UnsubscribeTests.PathFor(App, id), null)).StatusCode);

        var reimport = await editor.PostAsync(Import, Csv(Header + "WEG@lijst.example.org,Weg Terug,arts,gent\n"));
        using var list = JsonDocument.Parse(await editor.GetStringAsync("/api/newsletter/subscribers?unsubscribed=true&pageSize=200"));

        Assert.Equal("""{"created":0,"updated":0,"unchanged":0,"skippedUnsubscribed":1}""", await reimport.Content.ReadAsStringAsync());
        var gone = Assert.Single(
            list.RootElement.GetProperty("subscribers").EnumerateArray(),
            s => s.GetProperty("email").GetString()!.EndsWith("@lijst.example.org", StringComparison.Ordinal));
        Assert.Equal(("weg@lijst.example.org", "Weg"), (gone.GetProperty("email").GetString(), gone.GetProperty("name").GetString()));
        Assert.True(gone.GetProperty("unsubscribedAt").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task A_bad_page_size_is_a_400_problem_naming_it()
    {
        var editor = await App.ClientFor(["redacteur"]);

        var response = await editor.GetAsync("/api/newsletter/subscribers?pageSize=500");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_subscriber_and_unsubscribe_endpoints()
    {
        using var openApi = JsonDocument.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"));

        var paths = openApi.RootElement.GetProperty("paths");
        var import = paths.GetProperty(Import).GetProperty("post");
        Assert.Equal("ImportSubscribers", import.GetProperty("operationId").GetString());
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(import.GetProperty("responses").TryGetProperty("422", out _));
        Assert.True(paths.GetProperty("/api/newsletter/subscribers").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/newsletter/unsubscribe").GetProperty("post").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task An_import_of_another_media_type_is_refused_for_who_asks_before_what_is_sent()
    {
        var staff = await App.ClientFor(["arts"]);

        var anonymous = await App.CreateClient().PostAsync(Import, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var forbidden = await staff.PostAsync(Import, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/newsletter/subscribers")]
    [InlineData("POST", Import)]
    public async Task Staff_who_are_not_editors_get_403_and_without_a_token_401(string method, string url)
    {
        var staff = await App.ClientFor(["arts", "directeur"]);

        var forbidden = await staff.SendAsync(
            new HttpRequestMessage(new HttpMethod(method), url) { Content = Csv(Header + "x@example.org,X,,\n") });
        var anonymous = await App.CreateClient().SendAsync(
            new HttpRequestMessage(new HttpMethod(method), url) { Content = Csv(Header + "x@example.org,X,,\n") });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await App.CountAsync("SELECT count(*) FROM newsletter_subscribers WHERE email = 'x@example.org'"));
    }
}
