using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace PocMaterials.WebApp;

/// <summary>
/// The Dutch page routes. Every page is the shared layout (header, menu, main) with its title and its
/// module from <c>js/pages/</c>, which fills the main area from the public API. A new page is a row
/// here and a module there.
/// </summary>
public static class WebAppEndpoints
{
    private sealed record Page(string Route, string Title, string Module);

    private static readonly Page[] Pages =
    [
        new("/zoeken", "Zoeken", "search"),
        new("/materialen/{slug}", "Materiaal", "material"),
        new("/themas", "Thema's", "themes"),
        new("/themas/{id}", "Thema", "theme"),
        new("/nieuwsbrieven", "Nieuwsbrieven", "newsletters"),
        new("/nieuwsbrieven/{month}", "Nieuwsbrief", "newsletter"),
        // Editor pages: every signed-in user gets the page, which says "geen toegang" to non-editors; the API refuses them anyway.
        new("/redactie", "Redactie", "dashboard"),
        new("/redactie/materialen/{slug}", "Materiaal bewerken", "edit"),
        new("/redactie/nieuw-materiaal", "Nieuw materiaal", "edit"),
        new("/redactie/nieuwsbrieven", "Nieuwsbrieven beheren", "issues"),
        new("/redactie/themas", "Thema's beheren", "definition-themes"),
        new("/redactie/themas/{id}", "Thema bewerken", "definition-theme"),
        new("/redactie/contacten", "Aanspreekpunten", "contacts"),
        new("/redactie/taxonomie", "Taxonomie", "taxonomy"),
        new("/redactie/kalender", "Kalender van de nieuwsbrief", "calendar"),
        new("/redactie/abonnees", "Abonnees", "subscribers"),
        new("/redactie/jaarverslag", "Jaarverslag", "annual"),
        new("/redactie/vragen", "Vragen", "questions"),
        new("/redactie/vragen/{id}", "Vraag", "question"),
    ];

    public static IEndpointRouteBuilder MapWebApp(this IEndpointRouteBuilder app)
    {
        var layout = WebAppAssets.ReadText("layout.html");
        foreach (var page in Pages)
        {
            var html = layout
                .Replace("{{title}}", page.Title, StringComparison.Ordinal)
                .Replace("{{preloads}}", Preloads(page.Module), StringComparison.Ordinal)
                .Replace("{{module}}", page.Module, StringComparison.Ordinal)
                .Replace("{{assets}}", WebAppAssets.Path, StringComparison.Ordinal);
            app.MapGet(page.Route, (HttpContext http) => Serve(http, html)).RequireAuthorization().ExcludeFromDescription();
        }
        app.MapGet("/", () => Results.Redirect("/zoeken")).ExcludeFromDescription();
        // The API's and the mails' links name materials at /materials/{slug}: they open the page, query string and all.
        app.MapGet("/materials/{slug}", (string slug, HttpContext http) =>
            Results.Redirect($"/materialen/{Uri.EscapeDataString(slug)}{http.Request.QueryString}", permanent: true, preserveMethod: true))
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, string html)
    {
        PageHeaders.Apply(http.Response);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    // Every module the page's module imports, preloaded beside it (in the {{assets}} the layout's own links name).
    private static string Preloads(string module) => string.Join('\n', WebAppAssets.ImportsOf($"js/pages/{module}.js")
        .Select(path => "<link rel=\"modulepreload\" href=\"{{assets}}/" + path + "\">"));
}
