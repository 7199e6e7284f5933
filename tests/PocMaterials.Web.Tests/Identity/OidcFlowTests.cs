using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>Signing in to the pages through an OpenID Connect provider: the whole code flow with PKCE, over real ports.</summary>
public sealed class OidcFlowTests : HostFixture
{
    private TestOidcProvider _provider = null!;
    private string _baseUrl = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:Oidc:Authority"] = _provider.Authority,
        ["Identity:Oidc:ClientId"] = TestOidcProvider.ClientId,
        ["Identity:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
    };

    protected override async Task PrepareAsync() => _provider = await TestOidcProvider.StartAsync();

    protected override Task StartedAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        _baseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return Task.CompletedTask;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task A_staff_member_signs_in_at_the_provider_and_the_session_carries_the_provider_roles_and_centre()
    {
        _provider.User = new()
        {
            ["sub"] = "go-12345", ["name"] = "An Peeters", ["email"] = "an.peeters@example.org", ["roles"] = new[] { "arts" },
            ["centre"] = "gent",
        };
        using var browser = Browser();

        var landed = await browser.GetAsync($"{_baseUrl}/aanmelden?via=oidc&terug=%2Fthemas");

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/themas", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var me = await browser.GetFromJsonAsync<JsonElement>($"{_baseUrl}/api/me");
        Assert.Equal("An Peeters", me.GetProperty("name").GetString());
        // Where a helpdesk answer is mailed.
        Assert.Equal("an.peeters@example.org", me.GetProperty("email").GetString());
        Assert.Contains("arts", me.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("gent", me.GetProperty("centre").GetProperty("id").GetString());
        Assert.Equal(0, _provider.RefusedTokenRequests);
    }

    [Fact]
    public async Task A_provider_user_whose_role_is_not_in_the_taxonomy_is_not_signed_in_and_the_page_says_why()
    {
        _provider.User = new() { ["sub"] = "go-67890", ["roles"] = new[] { "koning" } };
        using var browser = Browser();

        var landed = await browser.GetAsync($"{_baseUrl}/aanmelden?via=oidc&terug=%2Fzoeken");

        Assert.Equal("/aanmelden", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains(
            "je account geeft geen rol of centrum die de materialenbank kent",
            await landed.Content.ReadAsStringAsync(),
            StringComparison.Ordinal);
        Assert.Contains(App.Logs.Entries, e => e.Message.Contains("koning", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync($"{_baseUrl}/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_page_link_cannot_put_its_own_words_in_the_error()
    {
        using var browser = Browser();

        var page = await browser.GetStringAsync($"{_baseUrl}/aanmelden?fout=Uw+account+is+geblokkeerd,+mail+hulp@example.com");

        Assert.Contains("Aanmelden lukte niet. Probeer het opnieuw.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("geblokkeerd", page, StringComparison.Ordinal);
    }

    /// <summary>What a browser does here: follows redirects across both hosts and keeps their cookies.</summary>
    private static HttpClient Browser()
    {
        var client = new HttpClient(new HttpClientHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
        });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}
