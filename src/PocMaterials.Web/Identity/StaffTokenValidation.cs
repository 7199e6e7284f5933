using Microsoft.AspNetCore.Authentication.JwtBearer;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Identity;

/// <summary>
/// Checks what PocMaterials needs of a token whose signature, issuer and lifetime are valid: a
/// subject (the pseudonymous viewer of reach tracking) and role and centre values that are ids of
/// taxonomy.yml, one per claim.
/// </summary>
public static class StaffTokenValidation
{
    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        if (Problem(context) is { } problem)
            context.Fail(problem);
        return Task.CompletedTask;
    }

    private static string? Problem(TokenValidatedContext context)
    {
        var user = context.Principal!;
        if (string.IsNullOrWhiteSpace(user.FindFirst(StaffClaims.Subject)?.Value))
            return "The token has no 'sub' claim.";
        var taxonomy = context.HttpContext.RequestServices.GetRequiredService<ContentLibrary>().Current.Taxonomy;
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
