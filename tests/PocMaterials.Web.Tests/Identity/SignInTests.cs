using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PocMaterials.Web.Tests.Identity;

/// <summary>The sign-in page and the Hangfire dashboard, as a browser and an attacker's form meet them.</summary>
public sealed partial class SignInTests(SharedHost host) : IClassFixture<SharedHost>
{
    [Fact]
    public async Task The_sign_in_page_and_the_dashboard_send_the_pages_security_headers()
    {
        var page = await host.App.CreateClient().GetAsync("/aanmelden?terug=%2Fthemas");
        var editor = await host.App.ClientFor(["redacteur"]);
        var dashboard = await editor.GetAsync("/hangfire");
        var staffPage = await editor.GetAsync("/zoeken");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        foreach (var response in new[] { page, dashboard })
        {
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.True(response.Headers.CacheControl!.NoStore);
        }
        Assert.Equal(
            staffPage.Headers.GetValues("Content-Security-Policy").Single(),
            page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/zoeken?q=café", "/zoeken?q=caf%C3%A9")]
    [InlineData("/themas/één", "/themas/%C3%A9%C3%A9n")]
    [InlineData("/／／evil.example", "/%EF%BC%8F%EF%BC%8Fevil.example")]
    public async Task A_return_address_with_non_ASCII_characters_is_percent_encoded_after_signing_in(string back, string expected)
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = VerificationToken().Match(await client.GetStringAsync("/aanmelden")).Groups[1].Value;

        var response = await client.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = "arts", ["centre"] = "gent", ["terug"] = back, ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_form_that_cannot_be_read_is_a_400()
    {
        var client = host.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var notAForm = await client.PostAsync(
            "/aanmelden", new StringContent("{\"role\":\"arts\"}", Encoding.UTF8, "application/json"));
        var withNul = await client.PostAsync(
            "/aanmelden", new StringContent("role=arts&terug=%2Fzoeken%00", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var brokenMultipart = await client.PostAsync("/aanmelden", new StringContent(
            "--x\r\nContent-Disposition: form-data; name=\"terug\"\r\n\r\n/zoeken",
            new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } }));

        Assert.Equal(HttpStatusCode.BadRequest, notAForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withNul.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, brokenMultipart.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex VerificationToken();
}
