using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// The small Dutch pages staff meet through the links of a mail (unsubscribing, a link that does not hold), each with a
/// way back to the material bank. Every value in them is HTML-encoded.
/// </summary>
internal static class NewsletterPages
{
    public const string ContentType = "text/html; charset=utf-8";

    private const string Style = "body { font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.5 } "
        + "button { font-size: 1em; padding: .5em 1.5em }";

    private const string WayBack =
        "<p><a href=\"/zoeken\">Naar de materialenbank</a> · <a href=\"/nieuwsbrieven\">Alle nummers van de POC-a-tizer</a></p>";

    /// <summary>
    /// Whether the request would rather have a page than JSON: a browser following a mail's link asks for HTML by name,
    /// an API client for JSON or for anything (<c>*/*</c>), and keeps getting the problem it gets today.
    /// </summary>
    public static bool WantsPage(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        double Best(params string[] types) => accepted
            .Where(a => types.Any(type => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();
        var page = Best("text/html", "application/xhtml+xml");
        return page > 0 && page >= Best("application/json", "application/problem+json");
    }

    /// <summary>A link of a mail that is damaged or leads nowhere any more, as a page with the status of its problem.</summary>
    /// <param name="wayBack">The links under it (HTML); by default to the material bank and the newsletter's archive.</param>
    public static ContentHttpResult BrokenLink(
        HttpResponse response, int status, string title, string explanation, string? wayBack = null) =>
        Answer(response, status, title, $"<p>{Encode(explanation)}</p>\n{wayBack ?? WayBack}");

    /// <summary>
    /// A page reached through a mail's link: its token is in the URL, so no referrer carries it away, no cache keeps it,
    /// no other site frames it.
    /// </summary>
    public static ContentHttpResult Answer(HttpResponse response, int status, string title, string body)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return TypedResults.Content(Page(title, body), ContentType, statusCode: status);
    }

    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    public static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}}</title>
          <style>{{Style}}</style>
        </head>
        <body>
          <h1>{{title}}</h1>
          {{body}}
        </body>
        </html>
        """;
}
