using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>RFC 8058 unsubscribing through the real host: one-click POST, a GET that only asks, and bad links.</summary>
[Collection(SubscriberHost.Name)]
public sealed class UnsubscribeTests(SharedHost host)
{
    private PocMaterialsApp App => host.App;

    private UnsubscribeLinks Links => App.Services.GetRequiredService<UnsubscribeLinks>();

    /// <summary>The path and query of a subscriber's unsubscribe link.</summary>
    public static string PathFor(PocMaterialsApp app, long id) =>
        new Uri(app.Services.GetRequiredService<UnsubscribeLinks>().UrlFor(id)).PathAndQuery;

    [Fact]
    public async Task A_one_click_post_to_the_link_of_the_mail_headers_unsubscribes_at_once_and_again_changes_nothing()
    {
        var id = await SubscribeAsync("klik@uit.example.org");
        var message = new MimeMessage();
        Links.AddHeaders(message, id);
        var url = new Uri(message.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;
        var oneClick = () => new StringContent(UnsubscribeLinks.OneClick, Encoding.ASCII, "application/x-www-form-urlencoded");

        var first = await App.CreateClient().PostAsync(url, oneClick());
        var at = await UnsubscribedAtAsync(id);
        var second = await App.CreateClient().PostAsync(url, oneClick());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Je bent uitgeschreven", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(at);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(at, await UnsubscribedAtAsync(id));
        Assert.DoesNotContain(await App.Services.GetRequiredService<SubscriberStore>().StreamActiveAsync().ToListAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task A_get_shows_a_dutch_page_with_a_button_and_unsubscribes_nothing()
    {
        var id = await SubscribeAsync("scanner@uit.example.org");
        var url = PathFor(App, id);

        var response = await App.CreateClient().GetAsync(url);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"nl\">", page, StringComparison.Ordinal);
        Assert.Contains("scanner@uit.example.org", page, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"?token={Links.TokenFor(id)}\">", page, StringComparison.Ordinal);
        Assert.Contains(">Uitschrijven</button>", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Null(await UnsubscribedAtAsync(id));

        await App.CreateClient().PostAsync(url, null);
        Assert.Contains("is sinds", await App.CreateClient().GetStringAsync(url), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task A_tampered_or_missing_token_is_a_400_problem_and_an_unknown_subscriber_404(string method)
    {
        var id = await SubscribeAsync($"{method.ToLowerInvariant()}-vals@uit.example.org");
        var token = Links.TokenFor(id);
        var other = Links.TokenFor(id + 1);
        var tokens = App.Services.GetRequiredService<SignedTokens>();
        string[] bad =
        [
            token[..^1],
            token.Split('.')[0] + "." + other.Split('.')[1],
            tokens.Sign("click", id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "",
            "%00",
        ];

        foreach (var tampered in bad)
        {
            var response = await App.CreateClient().SendAsync(
                new HttpRequestMessage(new HttpMethod(method), "/newsletter/unsubscribe?token=" + tampered));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var missing = await App.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/newsletter/unsubscribe"));
        var unknown = await App.CreateClient().SendAsync(
            new HttpRequestMessage(new HttpMethod(method), "/newsletter/unsubscribe?token=" + Links.TokenFor(id + 1_000_000)));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Null(await UnsubscribedAtAsync(id));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task A_damaged_link_opened_in_a_browser_shows_a_dutch_page_with_a_way_back_and_api_clients_keep_their_problem(
        string method)
    {
        var id = await SubscribeAsync($"{method.ToLowerInvariant()}-browser@uit.example.org");
        var damaged = "/newsletter/unsubscribe?token=" + Links.TokenFor(id)[..^3];
        var unknown = "/newsletter/unsubscribe?token=" + Links.TokenFor(id + 1_000_000);

        var page = await SendAsync(method, damaged, Browser);
        var gone = await SendAsync(method, unknown, Browser);
        var api = await SendAsync(method, damaged, "application/json");

        Assert.Equal((HttpStatusCode.BadRequest, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Deze uitschrijflink werkt niet</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/zoeken\">Naar de materialenbank</a>", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal((HttpStatusCode.NotFound, "text/html"), (gone.StatusCode, gone.Content.Headers.ContentType?.MediaType));
        Assert.Contains("staat niet meer op de lijst", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType?.MediaType));
        Assert.Null(await UnsubscribedAtAsync(id));
    }

    /// <summary>What Chromium asks for when it follows a link.</summary>
    internal const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private async Task<HttpResponseMessage> SendAsync(string method, string path, string accept)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Accept.ParseAdd(accept);
        return await App.CreateClient().SendAsync(request);
    }

    private async Task<long> SubscribeAsync(string email)
    {
        var editor = await App.ClientFor(["redacteur"]);
        var response = await editor.PostAsync(
            "/api/newsletter/subscribers/import", SubscriberEndpointTests.Csv($"email,name,roles,centre\n{email},Iemand,,gent\n"));
        response.EnsureSuccessStatusCode();
        return await App.CountAsync($"SELECT id FROM newsletter_subscribers WHERE email = '{email}'");
    }

    private async Task<DateTimeOffset?> UnsubscribedAtAsync(long id) =>
        (await App.Services.GetRequiredService<SubscriberStore>().GetAsync(id, CancellationToken.None))!.UnsubscribedAt;
}
