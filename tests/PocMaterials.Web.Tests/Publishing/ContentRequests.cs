using System.Net.Http.Headers;
using System.Text;

namespace PocMaterials.Web.Tests.Publishing;

/// <summary>The fiches and requests of the content publishing tests.</summary>
public static class ContentRequests
{
    public static string Fiche(string title, string body = "Over schoolverzuim.", string extra = "") =>
        $"---\ntitle: {title}\ntype: fiche\nthemes: [decreet-leersteun]\n{extra}---\n{body}\n";

    public static StringContent Markdown(string text) => new(text, Encoding.UTF8, "text/markdown");

    public static Task<HttpResponseMessage> Put(
        HttpClient client, string path, string text, EntityTagHeaderValue? etag, string mediaType = "text/markdown")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        if (etag is not null)
            request.Headers.IfMatch.Add(etag);
        return client.SendAsync(request);
    }
}
