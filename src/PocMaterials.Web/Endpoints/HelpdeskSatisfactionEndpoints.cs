using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Web.Api;
using static PocMaterials.Web.Endpoints.NewsletterPages;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// The one-click satisfaction links of an answer's mail: anonymous (the signed token is the proof), answered with a short
/// Dutch page, also when the link is damaged: a person clicked it in a mail, no script reads it.
/// </summary>
public static class HelpdeskSatisfactionEndpoints
{
    private const string WayBack = "<p><a href=\"/zoeken\">Naar de materialenbank</a></p>";

    public static IEndpointRouteBuilder MapHelpdeskSatisfactionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(SatisfactionLinks.Path, Score).AllowAnonymous().WithTags("Helpdesk").NeedsDatabase()
            .WithName("HelpdeskSatisfaction")
            .WithSummary("Records the asker's score (1 to 5) of an answer from the link in its mail; a later click replaces it")
            .WithDescription("A Dutch page: thanks (200); a missing or damaged token (400) or a question without an answer (404) "
                + "say so in Dutch, never as JSON. A mail scanner's request (its user agent, a HEAD, or within seconds of the mail "
                + "being sent) gets the page but records nothing.")
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .Produces<string>(StatusCodes.Status400BadRequest, ContentType)
            .Produces<string>(StatusCodes.Status404NotFound, ContentType);
        return app;
    }

    internal static async Task<ContentHttpResult> Score(
        [FromQuery] string? token, HttpContext http, SatisfactionLinks links, QuestionStore store, QueuedMails mails,
        NewsletterEvents events, TimeProvider time, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } click)
        {
            return BrokenLink(http.Response, StatusCodes.Status400BadRequest, "Deze link werkt niet",
                "De link is onvolledig of beschadigd, bijvoorbeeld doordat je mailprogramma hem over twee regels splitste. "
                + "Open hem opnieuw vanuit de mail met het antwoord op je vraag.", WayBack);
        }
        if (await store.GetAsync(click.QuestionId, cancellationToken) is not { Answer: not null })
        {
            return BrokenLink(http.Response, StatusCodes.Status404NotFound, "Deze vraag vinden we niet",
                "De link is echt, maar de vraag waarvoor hij gemaakt is, heeft geen antwoord meer om te beoordelen.", WayBack);
        }
        var sent = (await mails.OfQuestionAsync(click.QuestionId, cancellationToken))
            .Where(m => m.Kind == OutgoingMail.AnswerKind).Max(m => m.SentAt);
        var request = new TrackingRequest(http.Request.Method, http.Request.Headers.UserAgent.ToString(), time.GetUtcNow());
        if (!events.IsAutomated(request, sent))
            await store.RecordSatisfactionAsync(click.QuestionId, click.Score, request.At, cancellationToken);
        return Answer(http.Response, StatusCodes.Status200OK, "Bedankt voor je score",
            $"<p>Je gaf het antwoord op je vraag een {click.Score} op 5. Zo weet POC+ wat werkt. Klik je later op een ander cijfer "
            + "in de mail, dan telt dat cijfer.</p>\n" + WayBack);
    }
}
