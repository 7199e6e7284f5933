using System.Security.Claims;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Web.Identity;

/// <summary>The claims PocMaterials reads from a bearer token.</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Centre = "centre";

    public static StaffMember ToStaffMember(this ClaimsPrincipal user) => new(
        user.FindFirst(Subject)?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
        user.FindAll(Role).Select(c => c.Value),
        user.FindFirst(Centre)?.Value);
}
