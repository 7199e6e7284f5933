using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using PocMaterials.Content.Library;
using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Web.Identity;

/// <summary>
/// Checks what PocMaterials needs of a signed-in staff member, whether from a bearer token or a page's
/// cookie session: a subject (the pseudonymous viewer of reach tracking) and role and centre values
/// that are ids of taxonomy.yml, one per claim.
/// </summary>
public static class StaffTokenValidation
{
    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        if (Problem(context.Principal!, context.HttpContext) is { } problem)
            context.Fail(problem);
        return Task.CompletedTask;
    }

    /// <summary>Why the user may not be served, or null; against the taxonomy as it is now.</summary>
    public static string? Problem(ClaimsPrincipal user, HttpContext http) =>
        Problem(user, http.RequestServices.GetRequiredService<ContentLibrary>().Current.Taxonomy);

    public static string? Problem(ClaimsPrincipal user, MaterialTaxonomy taxonomy)
    {
        if (string.IsNullOrWhiteSpace(user.FindFirst(StaffClaims.Subject)?.Value))
            return "The token has no 'sub' claim.";
        var unknownRole = user.FindAll(StaffClaims.Role).Select(c => c.Value).FirstOrDefault(r => !taxonomy.Roles.Contains(r));
        if (unknownRole is not null)
            return $"The role claim '{unknownRole}' is not a role id of taxonomy.yml.";
        var centres = user.FindAll(StaffClaims.Centre).Select(c => c.Value).ToList();
        if (centres.Count > 1)
            return "The token has more than one 'centre' claim.";
        if (centres.Count == 1 && !taxonomy.Centres.Contains(centres[0]))
            return $"The centre claim '{centres[0]}' is not a centre id of taxonomy.yml.";
        return null;
    }
}
