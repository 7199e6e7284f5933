using System.Security.Claims;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Web.Identity;

/// <summary>The claims PocMaterials reads from a bearer token or a page's cookie session.</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Centre = "centre";
    public const string Name = "name";

    public static StaffMember ToStaffMember(this ClaimsPrincipal user) => new(
        user.FindFirst(Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
        user.FindAll(Role).Select(c => c.Value),
        user.FindFirst(Centre)?.Value);

    /// <summary>
    /// The identity of a cookie session, in the claim names of a bearer token, so that one set of
    /// checks and one <see cref="ToStaffMember"/> serve both.
    /// </summary>
    public static ClaimsIdentity Identity(
        string authenticationType, string subject, string? name, IEnumerable<string> roles, string? centre)
    {
        var claims = new List<Claim> { new(Subject, subject) };
        if (!string.IsNullOrWhiteSpace(name))
            claims.Add(new Claim(Name, name));
        claims.AddRange(roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(Role, r)));
        if (centre is not null)
            claims.Add(new Claim(Centre, centre));
        return new ClaimsIdentity(claims, authenticationType, Subject, Role);
    }
}
