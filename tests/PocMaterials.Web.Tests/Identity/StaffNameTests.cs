using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>
/// Editors' actions show who did them by name (versions, "goedgekeurd door", the audit log), from the token's name claim
/// or the development sign-in page, while each keeps the token subject it was recorded with.
/// </summary>
public sealed partial class StaffNameTests(SharedHost host) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task Versions_approvals_and_the_audit_log_give_the_editors_name()
    {
        var editor = await host.App.ClientFor(["redacteur"], name: "Lies Verhoeven");
        var subject = (await editor.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("subject").GetString();

        var created = await editor.PutAsync(
            "/api/materials/fiche-met-naam", Markdown("---\ntitle: Fiche met naam\ntype: fiche\n---\nTekst.\n"));
        var composed = await editor.PostAsync("/api/newsletter/issues?month=2026-12", null);
        var id = (await composed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issue").GetProperty("id").GetInt64();
        var approved = await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = (await editor.GetFromJsonAsync<JsonElement>("/api/materials/fiche-met-naam/versions"))[0];
        Assert.Equal((subject, "Lies Verhoeven"), Texts(version, "author", "authorName"));
        var onDisk = (await editor.GetFromJsonAsync<JsonElement>("/api/materials/faq-leersteun/versions"))[0];
        Assert.Equal(("file system", null), Texts(onDisk, "author", "authorName"));
        var issue = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((subject, "Lies Verhoeven"), Texts(issue, "approvedBy", "approvedByName"));
        var read = await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}");
        Assert.Equal("Lies Verhoeven", read.GetProperty("approvedByName").GetString());
        var entries = (await editor.GetFromJsonAsync<JsonElement>("/api/audit?limit=50")).EnumerateArray()
            .Where(e => e.GetProperty("actor").GetString() == subject).ToList();
        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal("Lies Verhoeven", e.GetProperty("actorName").GetString()));
    }

    [Fact]
    public async Task The_development_sign_in_page_asks_the_name_that_the_editors_versions_show()
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/aanmelden");
        Assert.Contains("<label for=\"name\">Je naam</label>", page, StringComparison.Ordinal);

        var signedIn = await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "Jan Peeters", ["role"] = "redacteur", ["terug"] = "/redactie",
            ["__RequestVerificationToken"] = VerificationToken().Match(page).Groups[1].Value,
        }));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/materials/fiche-van-jan")
        {
            Content = Markdown("---\ntitle: Fiche van Jan\ntype: fiche\n---\nTekst.\n"),
            Headers = { { "X-CSRF-Token", me.GetProperty("csrfToken").GetString() } },
        };
        var created = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("Jan Peeters", me.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var version = (await client.GetFromJsonAsync<JsonElement>("/api/materials/fiche-van-jan/versions"))[0];
        Assert.Equal("Jan Peeters", version.GetProperty("authorName").GetString());
    }

    private static (string?, string?) Texts(JsonElement element, string first, string second) =>
        (element.GetProperty(first).GetString(), element.GetProperty(second).GetString());

    private static StringContent Markdown(string text) => new(text, Encoding.UTF8, new MediaTypeHeaderValue("text/markdown"));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
