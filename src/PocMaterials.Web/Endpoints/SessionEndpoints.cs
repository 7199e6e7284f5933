using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>Who is signed in: what a page shows in its header and which links its menu offers.</summary>
public static class SessionEndpoints
{
    /// <param name="CsrfToken">
    /// For a page's cookie session only: send it as the X-CSRF-Token header of every call that changes something.
    /// </param>
    /// <param name="Subject">
    /// Who is signed in, as the provider names them: a page keeps what it stored for one user apart from the next.
    /// </param>
    /// <param name="Email">The session's mail address, if it gives one: where a helpdesk answer is mailed.</param>
    public sealed record SessionResponse(
        string Subject, string? Name, IReadOnlyList<LabelledId> Roles, LabelledId? Centre, bool Editor, string? CsrfToken,
        string? Email = null);

    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me)
            .WithName("GetSession")
            .WithSummary("The signed-in staff member: name, roles, centre, whether an editor; "
                + "a page session also gets its antiforgery token");
        return api;
    }

    internal static Ok<SessionResponse> Me(
        HttpContext http, ClaimsPrincipal user, ContentLibrary library, IAntiforgery antiforgery)
    {
        var taxonomy = library.Current.Taxonomy;
        var member = user.ToStaffMember();
        var roles = taxonomy.Roles.All.Where(r => member.Roles.Contains(r.Id)).Select(r => new LabelledId(r.Id, r.Label)).ToList();
        var centre = member.Centre is { } c ? new LabelledId(c, taxonomy.Centres.LabelOf(c)) : null;
        var token = StaffAuthentication.IsCookieSession(http) ? antiforgery.GetAndStoreTokens(http).RequestToken : null;
        // The token changes with the session; a cached answer would carry a stale one.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SessionResponse(
            member.Subject, user.FindFirst(StaffClaims.Name)?.Value, roles, centre, member.IsEditor, token, user.EmailOf()));
    }
}
