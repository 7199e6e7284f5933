using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>
/// A small OpenID Connect provider on a real port, as far as the authorization code flow with PKCE goes:
/// discovery, keys, an authorize endpoint that signs in the user the test set, and a token endpoint that
/// checks the code, client secret and code verifier before it issues an RS256 ID token.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "materialenbank";
    public const string ClientSecret = "test-client-secret";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private WebApplication _app = null!;

    /// <summary>The claims of the next user to sign in (beside sub, iss, aud, nonce and times).</summary>
    public Dictionary<string, object> User { get; set; } = [];

    public string Authority { get; private set; } = "";

    /// <summary>Token requests refused because the code, secret or verifier did not hold.</summary>
    public int RefusedTokenRequests { get; private set; }

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        provider._app = builder.Build();
        provider.Map(provider._app);
        await provider._app.StartAsync();
        provider.Authority = provider._app.Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var parameters = _key.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new
                    {
                        kty = "RSA",
                        use = "sig",
                        alg = "RS256",
                        kid = "test",
                        n = Base64UrlEncoder.Encode(parameters.Modulus),
                        e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var query = request.Query;
            if (query["client_id"] != ClientId
                || query["response_type"] != "code"
                || query["code_challenge_method"] != "S256")
                return Results.BadRequest("unsupported authorization request");
            var code = Guid.NewGuid().ToString("N");
            _codes[code] = new PendingCode(
                query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!, new Dictionary<string, object>(User));
            var separator = query["redirect_uri"].ToString().Contains('?', StringComparison.Ordinal) ? '&' : '?';
            return Results.Redirect($"{query["redirect_uri"]}{separator}code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (!_codes.TryRemove(form["code"].ToString(), out var pending)
                || form["grant_type"] != "authorization_code"
                || form["client_id"] != ClientId
                || form["client_secret"] != ClientSecret
                || form["redirect_uri"] != pending.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())))
                    != pending.CodeChallenge)
            {
                RefusedTokenRequests++;
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }
            var claims = new Dictionary<string, object>(pending.User) { ["nonce"] = pending.Nonce };
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = ClientId,
                Claims = claims,
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(
                    new RsaSecurityKey(_key) { KeyId = "test" }, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new
            {
                access_token = Guid.NewGuid().ToString("N"),
                token_type = "Bearer",
                expires_in = 300,
                id_token = idToken,
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private sealed record PendingCode(string RedirectUri, string Nonce, string CodeChallenge, Dictionary<string, object> User);
}
