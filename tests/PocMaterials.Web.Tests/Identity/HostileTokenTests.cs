using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PocMaterials.Testing;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>
/// Tokens a hostile caller forges or bends, against a host in Production: only a well-formed token
/// of our issuer, with a subject and known ids, is accepted, and refusals say nothing of why.
/// </summary>
public sealed class HostileTokenTests : HostFixture
{
    private const string Issuer = "https://login.example.org";
    private const string Key = "a-production-key-of-at-least-32-bytes!!";

    protected override string EnvironmentName => "Production";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:Issuer"] = Issuer,
        ["Identity:SigningKey"] = Key,
    };

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("fiche", "title: Fiche\ntype: fiche", "Over leersteun.");
        return Task.CompletedTask;
    }

    public static TheoryData<string, string[]> Refused => new()
    {
        { "no subject", ["role=arts", "centre=gent"] },
        { "empty subject", ["sub=", "role=arts"] },
        { "roles joined in one claim", ["sub=a", "role=arts,directeur"] },
        { "unknown role", ["sub=a", "role=piloot"] },
        { "unknown centre", ["sub=a", "centre=mars"] },
        { "two centres", ["sub=a", "centre=gent", "centre=brussel"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_token_without_what_PocMaterials_needs_is_a_401(string why, string[] claims)
    {
        var response = await Get("/api/taxonomy", Token(claims));

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
    }

    [Fact]
    public async Task A_token_with_a_subject_and_known_ids_is_accepted()
    {
        var response = await Get("/api/taxonomy", Token(["sub=a", "role=arts", "role=directeur", "centre=gent"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string, string> Forged => new()
    {
        { "expired", Token(["sub=a"], expires: DateTime.UtcNow.AddMinutes(-10)) },
        { "another issuer", Token(["sub=a"], issuer: "https://evil.example.org") },
        { "another key", Token(["sub=a"], key: "another-key-of-at-least-32-bytes-long!!") },
        { "the development key", Token(["sub=a"], key: IdentityOptions.DevelopmentSigningKey) },
        { "no signature", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZSI6InJlZGFjdGV1ciJ9." },
        { "garbage", "not.a.token" },
    };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_forged_token_is_a_401_that_does_not_say_why(string why, string token)
    {
        var response = await Get("/api/taxonomy", token);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Null(challenge.Parameter);
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task The_API_description_is_not_served_in_Production(string url)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Health_in_Production_says_only_the_status_and_liveness_only_up()
    {
        var health = await App.CreateClient().GetStringAsync("/health");
        var live = await App.CreateClient().GetStringAsync("/health/live");

        Assert.Matches("""^\{"status":"(Healthy|Degraded)"\}$""", health);
        Assert.Equal("""{"status":"Healthy"}""", live);
    }

    [Fact]
    public async Task Production_refuses_to_start_with_the_development_signing_key()
    {
        using var folder = ContentFolder.WithFixture();

        var failure = await HostStart.FailureAsync(folder, "Production", new Dictionary<string, string?>
        {
            ["Identity:Issuer"] = Issuer,
            ["Identity:SigningKey"] = IdentityOptions.DevelopmentSigningKey,
        });

        Assert.Contains("development key", Assert.IsType<OptionsValidationException>(failure).Message, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Get(string url, string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(url);
    }

    /// <param name="claims">name=value pairs; a name may repeat.</param>
    private static string Token(string[] claims, string issuer = Issuer, string key = Key, DateTime? expires = null)
    {
        var identity = new ClaimsIdentity(claims.Select(c => c.Split('=', 2)).Select(c => new Claim(c[0], c[1])));
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "pocmaterials",
            Subject = identity,
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
