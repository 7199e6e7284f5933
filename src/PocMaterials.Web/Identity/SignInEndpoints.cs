using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using IdentityOptions = PocMaterials.Web.Options.IdentityOptions;

namespace PocMaterials.Web.Identity;

/// <summary>
/// Signing in and out of the pages: through the OpenID Connect provider, or in Development by picking
/// roles and a centre on a Dutch page.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app, bool development)
    {
        app.MapGet(StaffAuthentication.SignInPath, SignIn).AllowAnonymous().ExcludeFromDescription();
        if (development)
            app.MapPost(StaffAuthentication.SignInPath, DevelopmentSignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(StaffAuthentication.SignOutPath, SignOut).ExcludeFromDescription();
        return app;
    }

    private static IResult SignIn(
        HttpContext http,
        IOptions<IdentityOptions> identity,
        IHostEnvironment environment,
        ContentLibrary library,
        IAntiforgery antiforgery)
    {
        var query = http.Request.Query;
        var back = LocalOrHome(query[StaffAuthentication.ReturnParameter]);
        var oidc = identity.Value.Oidc.Enabled;
        if (oidc && (!environment.IsDevelopment() || query["via"] == "oidc") && string.IsNullOrEmpty(query["fout"]))
            return Results.Challenge(new AuthenticationProperties { RedirectUri = back }, [StaffAuthentication.Oidc]);
        var page = new SignInPage(
            library.Current.Taxonomy, back, oidc, environment.IsDevelopment(), query["fout"], query["afgemeld"] == "1");
        return page.Result(http.Response, antiforgery.GetAndStoreTokens(http).RequestToken!, StatusCodes.Status200OK);
    }

    private static async Task<IResult> DevelopmentSignIn(
        HttpContext http, IAntiforgery antiforgery, ContentLibrary library, IOptions<IdentityOptions> identity)
    {
        var taxonomy = library.Current.Taxonomy;
        if (await ReadFormAsync(http) is not { } form)
        {
            var unreadable = new SignInPage(
                taxonomy,
                "/zoeken",
                identity.Value.Oidc.Enabled,
                Development: true,
                "Het formulier kon niet gelezen worden; probeer opnieuw.",
                SignedOut: false);
            return unreadable.Result(http.Response, antiforgery.GetAndStoreTokens(http).RequestToken!, StatusCodes.Status400BadRequest);
        }
        var back = LocalOrHome(form[StaffAuthentication.ReturnParameter]);
        var roles = form["role"].Where(r => !string.IsNullOrEmpty(r)).Select(r => r!).ToList();
        var centre = string.IsNullOrEmpty(form["centre"]) ? null : form["centre"].ToString();
        var name = form["name"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        string? problem = !await antiforgery.IsRequestValidAsync(http) ? "Het formulier is verlopen; probeer opnieuw."
            : name.Length > StaffNames.MaxLength || name.Any(char.IsControl) ? "Geef een naam van hoogstens 200 gewone tekens."
            : email.Length > 0 && !StaffClaims.IsEmail(email) ? "Geef een geldig e-mailadres, of laat het veld leeg."
            : roles.FirstOrDefault(r => !taxonomy.Roles.Contains(r)) is { } role ? $"'{role}' is geen rol van taxonomy.yml."
            : centre is not null && !taxonomy.Centres.Contains(centre) ? $"'{centre}' is geen centrum van taxonomy.yml."
            : null;
        if (problem is not null)
        {
            var page = new SignInPage(taxonomy, back, identity.Value.Oidc.Enabled, Development: true, problem, SignedOut: false);
            return page.Result(http.Response, antiforgery.GetAndStoreTokens(http).RequestToken!, StatusCodes.Status400BadRequest);
        }
        var shown = name.Length > 0 ? name : DevelopmentName(roles, taxonomy);
        var user = StaffClaims.Identity(
            StaffAuthentication.Cookie, $"dev-{Guid.NewGuid():N}", shown, roles, centre, email.Length > 0 ? email : null);
        await http.SignInAsync(StaffAuthentication.Cookie, new System.Security.Claims.ClaimsPrincipal(user));
        return Results.Redirect(back);
    }

    /// <summary>
    /// The posted form, or null when it is none or cannot be read (a NUL or broken multipart): the sender's mistake, not the
    /// server's.
    /// </summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
            return null;
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
        {
            return null;
        }
    }

    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery, IOptions<IdentityOptions> identity)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Problems.InvalidAntiforgeryToken();
        await http.SignOutAsync(StaffAuthentication.Cookie);
        var signedInWithProvider = http.User.Identity?.AuthenticationType == StaffAuthentication.Oidc;
        return signedInWithProvider && identity.Value.Oidc.Enabled
            ? Results.SignOut(
                new AuthenticationProperties { RedirectUri = StaffAuthentication.SignInPath + "?afgemeld=1" }, [StaffAuthentication.Oidc])
            : Results.Redirect(StaffAuthentication.SignInPath + "?afgemeld=1");
    }

    private static string DevelopmentName(List<string> roles, Content.Taxonomy.MaterialTaxonomy taxonomy) =>
        roles.Count == 0 ? "CLB-medewerker (ontwikkeling)" : string.Join(", ", roles.Select(taxonomy.Roles.LabelOf)) + " (ontwikkeling)";

    /// <summary>
    /// Only a path of this site: never another host (<c>//evil</c>, <c>/\evil</c>) to send a signed-in user to. Characters
    /// beyond ASCII are percent-encoded (as UTF-8), since a Location header holds ASCII only, and a look-alike slash
    /// (<c>／</c>) then stays a character of the path.
    /// </summary>
    internal static string LocalOrHome(string? url) =>
        url is ['/', ..]
            && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? string.Concat(url.EnumerateRunes().Select(r => r.IsAscii ? r.ToString() : Uri.EscapeDataString(r.ToString())))
            : "/zoeken";
}
