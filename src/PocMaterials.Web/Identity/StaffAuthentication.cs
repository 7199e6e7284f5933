using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PocMaterials.Web.Api;
using PocMaterials.Web.Options;
using IdentityOptions = PocMaterials.Web.Options.IdentityOptions;

namespace PocMaterials.Web.Identity;

/// <summary>
/// How a request is signed in: the API's bearer tokens, or the pages' cookie session (from OpenID
/// Connect, or the development sign-in page). A policy scheme picks one per request, so the API
/// accepts both and pages redirect to the sign-in page where the API answers 401.
/// </summary>
public static partial class StaffAuthentication
{
    /// <summary>The default scheme: forwards to <see cref="JwtBearerDefaults.AuthenticationScheme"/> or <see cref="Cookie"/>.</summary>
    public const string Staff = "staff";
    public const string Cookie = "pages";
    public const string Oidc = "oidc";

    public const string CookieName = ".PocMaterials.Sessie";
    public const string SignInPath = "/aanmelden";
    public const string SignOutPath = "/afmelden";
    public const string ReturnParameter = "terug";

    /// <summary>The header that carries the antiforgery token of a cookie session's state-changing API call.</summary>
    public const string CsrfHeader = "X-CSRF-Token";

    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Staff)
            .AddPolicyScheme(Staff, "Bearer token or page session", policy => policy.ForwardDefaultSelector = SchemeOf)
            .AddJwtBearer()
            .AddCookie(Cookie);
        // The provider's scheme exists only when one is configured: a remote scheme takes part in every request.
        services.AddOptions<AuthenticationOptions>().Configure<IOptions<IdentityOptions>>((authentication, identity) =>
        {
            if (identity.Value.Oidc.Enabled)
                authentication.AddScheme<OpenIdConnectHandler>(Oidc, "GO!-account");
        });
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        services.AddOptions<CookieAuthenticationOptions>(Cookie).Configure(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            // Lax, not Strict: a material link in a newsletter mail and the provider's redirect back are
            // cross-site navigations that must arrive signed in. Forgery is stopped by the antiforgery token.
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = SignInPath;
            cookie.ReturnUrlParameter = ReturnParameter;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateSession,
                OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
            };
        });
        services.AddOptions<OpenIdConnectOptions>(Oidc).Configure<IOptions<IdentityOptions>, IHostEnvironment>(ConfigureOidc);
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = CsrfHeader;
            antiforgery.Cookie.Name = ".PocMaterials.Csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>
    /// A bearer header decides for the token; a session cookie for the session; without either the API
    /// answers as it always did (401 with <c>WWW-Authenticate: Bearer</c>) and pages go to sign-in.
    /// </summary>
    private static string SchemeOf(HttpContext http) =>
        http.Request.Headers.Authorization.Count > 0 ? JwtBearerDefaults.AuthenticationScheme
        : http.Request.Cookies.ContainsKey(CookieName) ? Cookie
        : http.Request.Path.StartsWithSegments("/api") ? JwtBearerDefaults.AuthenticationScheme
        : Cookie;

    /// <summary>Whether the request was signed in by the page session (and so needs an antiforgery token to change anything).</summary>
    public static bool IsCookieSession(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && SchemeOf(http) == Cookie;

    /// <summary>A session keeps the rules of a token: a role or centre removed from taxonomy.yml ends it.</summary>
    private static async Task ValidateSession(CookieValidatePrincipalContext context)
    {
        if (StaffTokenValidation.Problem(context.Principal!, context.HttpContext) is null)
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Cookie);
    }

    /// <summary>Only a browser asking for a page is redirected to sign in; the API and other callers get the status.</summary>
    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        var page = !request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(request.Method)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);
        if (page)
            context.Response.Redirect(context.RedirectUri);
        else
            context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void ConfigureOidc(OpenIdConnectOptions oidc, IOptions<IdentityOptions> identity, IHostEnvironment environment)
    {
        var options = identity.Value.Oidc;
        oidc.Authority = options.Authority;
        oidc.ClientId = options.ClientId;
        oidc.ClientSecret = options.ClientSecret;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SignInScheme = Cookie;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = options.UserInfo;
        oidc.RequireHttpsMetadata = !environment.IsDevelopment();
        if (environment.IsDevelopment())
        {
            // A provider on http during development: the answer comes back as a top-level GET (query), so the
            // correlation and nonce cookies can be Lax and need no https. Elsewhere the defaults hold
            // (form_post, cookies SameSite=None and Secure).
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
        }
        oidc.CallbackPath = SignInPath + "/oidc";
        oidc.SignedOutCallbackPath = SignOutPath + "/oidc";
        oidc.SignedOutRedirectUri = SignInPath;
        oidc.Events = new OpenIdConnectEvents
        {
            // The last step before the session is written, after the user info has been merged.
            OnTicketReceived = context =>
            {
                var staff = new ClaimsPrincipal(OidcClaims.ToStaffIdentity(context.Principal!, options));
                if (StaffTokenValidation.Problem(staff, context.HttpContext) is { } problem)
                {
                    LogUserNotSignedIn(SignInLogger(context.HttpContext), problem);
                    // Handled, not Fail(): a failed TicketReceived still signs in the provider's own principal.
                    context.HandleResponse();
                    context.Response.Redirect(FailedSignIn(SignInPage.ClaimsRefused));
                }
                else
                {
                    context.Principal = staff;
                }
                return Task.CompletedTask;
            },
            OnRemoteFailure = context =>
            {
                LogProviderSignInFailed(SignInLogger(context.HttpContext), context.Failure);
                context.HandleResponse();
                context.Response.Redirect(FailedSignIn(SignInPage.ProviderFailed));
                return Task.CompletedTask;
            },
        };
    }

    // The page names the failure by a fixed code, never by text from the address (anyone can send a link);
    // the details go to the log.
    private static string FailedSignIn(string code) => $"{SignInPath}?fout={code}";

    private static ILogger SignInLogger(HttpContext http) =>
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInEndpoints));

    /// <summary>
    /// Cookie sessions must send the antiforgery token (header <see cref="CsrfHeader"/>) on every API call
    /// that changes something; bearer callers need not, as no browser adds their header by itself.
    /// </summary>
    public static IApplicationBuilder UseCookieRequestForgeryCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Changes(http.Request.Method) && http.Request.Path.StartsWithSegments("/api") && IsCookieSession(http)
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            var refusal = Problems.InvalidAntiforgeryToken(
                $"A signed-in page changes data only with the token of GET /api/me in the {CsrfHeader} header.");
            await refusal.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    /// <summary>Whether a request of this method may change something: all but GET, HEAD and OPTIONS.</summary>
    public static bool Changes(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A provider's user was not signed in: {Problem}")]
    private static partial void LogUserNotSignedIn(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing in through the provider failed")]
    private static partial void LogProviderSignInFailed(ILogger logger, Exception? exception);
}
