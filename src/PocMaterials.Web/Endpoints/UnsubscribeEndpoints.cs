using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Unsubscribing from the POC-a-tizer (RFC 8058), without a bearer token: the signed link is the proof. A POST
/// unsubscribes at once (the one-click POST of a mail client, or the button of the page); a GET only shows the
/// page, since mail scanners follow every link in a mail.
/// </summary>
public static class UnsubscribeEndpoints
{
    private const string Html = NewsletterPages.ContentType;
    private const string PagesToo = " A browser (Accept: text/html) gets these as a Dutch page with the same status.";

    public static IEndpointRouteBuilder MapUnsubscribeEndpoints(this IEndpointRouteBuilder app)
    {
        var unsubscribe = app.MapGroup(UnsubscribeLinks.Path).AllowAnonymous().WithTags("Newsletter").AddEndpointFilter(PageHeaders)
            .NeedsDatabase();
        unsubscribe.MapGet("", Confirm)
            .WithName("ConfirmUnsubscribe")
            .WithSummary("A Dutch page with a button that unsubscribes; unsubscribes nothing itself")
            .WithDescription("400 when the token is missing or tampered with; 404 when its subscriber does not exist." + PagesToo)
            .Produces<string>(StatusCodes.Status200OK, Html);
        unsubscribe.MapPost("", Unsubscribe)
            .WithName("Unsubscribe")
            .WithSummary("Unsubscribes at once and for good (RFC 8058 one-click); idempotent")
            .WithDescription($"The body, if any ({UnsubscribeLinks.OneClick}), is not needed. "
                + "400 when the token is missing or tampered with; 404 when its subscriber does not exist." + PagesToo)
            .Produces<string>(StatusCodes.Status200OK, Html);
        return app;
    }

    internal static async Task<Results<ContentHttpResult, BadRequestProblem, NotFoundProblem>> Confirm(
        [FromQuery] string? token,
        UnsubscribeLinks links,
        SubscriberStore store,
        StaffCalendar calendar,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (links.SubscriberOf(token) is not { } id)
            return BadToken(http);
        return await store.GetAsync(id, cancellationToken) is { } subscriber
            ? TypedResults.Content(UnsubscribePage.Confirm(subscriber, token!, calendar), Html)
            : UnknownSubscriber(http);
    }

    internal static async Task<Results<ContentHttpResult, BadRequestProblem, NotFoundProblem>> Unsubscribe(
        [FromQuery] string? token, UnsubscribeLinks links, SubscriberStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (links.SubscriberOf(token) is not { } id)
            return BadToken(http);
        return await store.UnsubscribeAsync(id, cancellationToken) is not null
            ? TypedResults.Content(UnsubscribePage.Done(), Html)
            : UnknownSubscriber(http);
    }

    private static Results<ContentHttpResult, BadRequestProblem, NotFoundProblem> BadToken(HttpContext http) =>
        NewsletterPages.WantsPage(http.Request)
            ? NewsletterPages.BrokenLink(http.Response, StatusCodes.Status400BadRequest, "Deze uitschrijflink werkt niet",
                "De link is onvolledig of beschadigd, bijvoorbeeld doordat je mailprogramma hem over twee regels splitste. "
                + "Open hem opnieuw vanuit de mail, of gebruik de link 'schrijf je uit' onderaan een andere POC-a-tizer.")
            : Problems.InvalidLink("The unsubscribe link is not valid.",
                "The token is missing, incomplete or altered; use the link of a POC-a-tizer mail as it is.");

    private static Results<ContentHttpResult, BadRequestProblem, NotFoundProblem> UnknownSubscriber(HttpContext http) =>
        NewsletterPages.WantsPage(http.Request)
            ? NewsletterPages.BrokenLink(http.Response, StatusCodes.Status404NotFound, "Dit adres staat niet meer op de lijst",
                "De link is echt, maar het adres waarvoor hij gemaakt is, staat niet meer op de lijst van de POC-a-tizer: "
                + "je krijgt de nieuwsbrief op dat adres niet meer.")
            : Problems.NoSuch("subscriber", "The link is genuine, but its subscriber no longer exists.");

    /// <summary>The token is in the URL: no referrer carries it away, no cache keeps the page, no other site frames the button.</summary>
    private static ValueTask<object?> PageHeaders(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next(context);
    }
}
