using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Reach.Tracking;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// The open pixel and the click redirect of POC-a-tizer mails: anonymous (a mail client has no token),
/// trusted only through the signed token in the path.
/// </summary>
public static class NewsletterTrackingEndpoints
{
    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapNewsletterTrackingEndpoints(this IEndpointRouteBuilder app)
    {
        var tracking = app.MapGroup("/n").AllowAnonymous().WithTags("POC-a-tizer tracking").NeedsDatabase();
        tracking.MapMethods("/o/{token}", ["GET", "HEAD"], Open)
            .WithName("NewsletterOpen")
            .WithSummary("The open pixel of a mail")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/gif");
        tracking.MapMethods("/c/{token}", ["GET", "HEAD"], Click)
            .WithName("NewsletterClick")
            .WithSummary("A material link of a mail: counts the click and the view, then redirects to the material")
            .WithDescription("400 when the token is damaged or not of the issue; a browser (Accept: text/html) gets a Dutch page.")
            .Produces(StatusCodes.Status302Found);
        return app;
    }

    internal static async Task<FileContentHttpResult> Open(
        string token, HttpContext http, NewsletterLinks links, NewsletterEvents events, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (links.ReadOpen(token) is { SubscriberId: > 0 } open
            && await events.DeliveryAsync(open.IssueId, open.SubscriberId, cancellationToken) is { } mail)
        {
            var request = Request(http, time);
            await events.RecordAsync(
                mail.IssueId,
                mail.SubscriberId,
                NewsletterEventKind.Open,
                null,
                events.IsAutomated(request, mail.SentAt),
                mail.Roles,
                mail.Centre,
                request.At,
                cancellationToken);
        }
        // Always the pixel: a broken image in a mail helps nobody, and a tampered token learns nothing.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(Pixel, "image/gif");
    }

    internal static async Task<Results<RedirectHttpResult, BadRequestProblem, ContentHttpResult>> Click(
        string token,
        HttpContext http,
        NewsletterLinks links,
        NewsletterEvents events,
        IssueStore issues,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The target is a material of the token's issue, never an address from the request: no open redirect.
        if (links.ReadClick(token) is not { } click
            || await issues.GetAsync(click.IssueId, cancellationToken) is not { } issue
            || !issue.Composition.AllSlugs.Contains(click.Slug, StringComparer.Ordinal))
        {
            if (NewsletterPages.WantsPage(http.Request))
            {
                return NewsletterPages.BrokenLink(http.Response, StatusCodes.Status400BadRequest, "Deze link werkt niet",
                    "De link is onvolledig of beschadigd, bijvoorbeeld doordat je mailprogramma hem over twee regels splitste. "
                    + "Open hem opnieuw vanuit de mail, of zoek het materiaal op in de materialenbank.");
            }
            return Problems.InvalidLink("This link is not valid.", "The link is damaged or does not belong to a POC-a-tizer issue.");
        }
        if (click.SubscriberId > 0 && await events.DeliveryAsync(click.IssueId, click.SubscriberId, cancellationToken) is { } mail)
        {
            var request = Request(http, time);
            var automated = events.IsAutomated(request, mail.SentAt);
            await events.RecordAsync(
                mail.IssueId,
                mail.SubscriberId,
                NewsletterEventKind.Click,
                click.Slug,
                automated,
                mail.Roles,
                mail.Centre,
                request.At,
                cancellationToken);
        }
        // A click is the mail's figure; the view is the material's, recorded once, when the reader (signed in,
        // as who they are) opens it from here: a scanner following the link never signs in, so it adds none.
        return TypedResults.Redirect(links.Material(click.Slug, "newsletter"));
    }

    private static TrackingRequest Request(HttpContext http, TimeProvider time) =>
        new(http.Request.Method, http.Request.Headers.UserAgent.ToString(), time.GetUtcNow());
}
