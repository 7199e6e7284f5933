using System.Security.Claims;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Testing;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>
/// The OpenID Connect settings are checked at start, and a provider's claims become a staff member's under the token rules.
/// </summary>
public sealed class OidcSignInTests
{
    private const string Key = "a-production-signing-key-of-more-than-32-bytes";

    [Theory]
    [InlineData("https://login.example.org", null, "ClientId is required")]
    [InlineData("http://login.example.org", "materialenbank", "must be an https address")]
    [InlineData("geen adres", "materialenbank", "is not an absolute http(s) address")]
    public async Task An_incomplete_or_insecure_provider_stops_the_start_naming_the_setting(
        string authority, string? clientId, string message)
    {
        using var folder = ContentFolder.WithFixture();

        var error = Assert.IsType<OptionsValidationException>(await HostStart.FailureAsync(
            folder,
            "Production",
            new Dictionary<string, string?>
            {
                ["Identity:Issuer"] = "https://login.example.org",
                ["Identity:SigningKey"] = Key,
                ["Identity:Oidc:Authority"] = authority,
                ["Identity:Oidc:ClientId"] = clientId,
            }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_user_gets_the_roles_and_centre_of_the_configured_claims()
    {
        var provided = Principal(
            ("sub", "u-1"),
            ("name", "Els Peeters"),
            ("groepen", "arts"),
            ("groepen", "directeur"),
            ("clb", "gent"),
            ("roles", "redacteur"));

        var staff = new ClaimsPrincipal(
            OidcClaims.ToStaffIdentity(provided, new OidcOptions { RoleClaim = "groepen", CentreClaim = "clb" }));

        var member = staff.ToStaffMember();
        Assert.Equal(["arts", "clb-medewerker", "directeur"], member.Roles.Order());
        Assert.Equal("gent", member.Centre);
        Assert.Equal("u-1", member.Subject);
        Assert.Null(StaffTokenValidation.Problem(staff, Taxonomy()));
    }

    [Theory]
    [InlineData("roles", "piloot", "not a role id")]
    [InlineData("centre", "atlantis", "not a centre id")]
    [InlineData("sub", "", "no 'sub' claim")]
    public void A_provider_user_with_an_unknown_role_or_centre_or_no_subject_is_refused(string claim, string value, string problem)
    {
        var claims = new List<(string, string)> { ("sub", "u-2"), ("roles", "arts") };
        claims.RemoveAll(c => c.Item1 == claim);
        claims.Add((claim, value));

        var staff = new ClaimsPrincipal(OidcClaims.ToStaffIdentity(Principal([.. claims]), new OidcOptions()));

        Assert.Contains(problem, StaffTokenValidation.Problem(staff, Taxonomy()), StringComparison.Ordinal);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Where(c => c.Value.Length > 0).Select(c => new Claim(c.Type, c.Value)), "test"));

    private static PocMaterials.Content.Taxonomy.MaterialTaxonomy Taxonomy()
    {
        using var folder = ContentFolder.WithFixture();
        return new ContentLibrary(folder.Location).Reload().Snapshot.Taxonomy;
    }
}
