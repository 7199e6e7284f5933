using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace PocMaterials.WebApp;

/// <summary>The headers of every HTML page the host serves: the staff pages, the sign-in page and the Hangfire dashboard.</summary>
public static class PageHeaders
{
    // The pages insert only the API's safe HTML and their own elements; nothing inline may run, and no other site may frame them.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    // Hangfire's dashboard sets style attributes in its markup and its charts add style elements; its scripts are files too.
    private const string InlineStylesPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response, bool inlineStyles = false)
    {
        var headers = response.Headers;
        // Not kept, not even in the back-forward cache: a page restored as it was would show the list of
        // whoever used this tab before signing out. Back loads the page again; the search page keeps its
        // answers per role set itself.
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.ContentSecurityPolicy] = inlineStyles ? InlineStylesPolicy : ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
    }
}
