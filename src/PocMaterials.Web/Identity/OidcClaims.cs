using System.Security.Claims;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Identity;

/// <summary>Turns what an OpenID Connect provider says of a user into the claims of a staff member.</summary>
public static class OidcClaims
{
    public static ClaimsIdentity ToStaffIdentity(ClaimsPrincipal provided, OidcOptions options)
    {
        var subject = provided.FindFirst(StaffClaims.Subject)?.Value ?? "";
        var name = provided.FindFirst("name")?.Value
            ?? provided.FindFirst("preferred_username")?.Value
            ?? provided.FindFirst("email")?.Value;
        var identity = StaffClaims.Identity(StaffAuthentication.Oidc, subject, name,
            provided.FindAll(options.RoleClaim).Select(c => c.Value), centre: null, provided.FindFirst(StaffClaims.Email)?.Value);
        // Every centre claim is kept, so that two of them fail the check as they do in a token.
        identity.AddClaims(provided.FindAll(options.CentreClaim).Select(c => new Claim(StaffClaims.Centre, c.Value)));
        return identity;
    }
}
