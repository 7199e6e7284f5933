using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Newsletter.Tests.Subscribers;

public sealed class UnsubscribeLinksTests
{
    private static readonly SignedTokens Tokens = new(new byte[32]);
    private readonly UnsubscribeLinks _links =
        new(Tokens, Options.Create(new NewsletterOptions { PublicBaseUrl = "https://materialen.example.org/" }));

    [Fact]
    public void A_link_names_its_subscriber_and_a_tampered_or_foreign_token_names_none()
    {
        var token = _links.TokenFor(42);

        Assert.Equal(42, _links.SubscriberOf(token));
        Assert.Null(_links.SubscriberOf(Tokens.Sign("unsubscribe", "43") + "x"));
        Assert.Null(_links.SubscriberOf(_links.TokenFor(43)[..^2] + token[^2..]));
        Assert.Null(_links.SubscriberOf(Tokens.Sign("click", "42")));
        Assert.Null(_links.SubscriberOf(Tokens.Sign("unsubscribe", "-1")));
        Assert.Null(_links.SubscriberOf(null));
        Assert.Null(_links.SubscriberOf("42"));
    }

    [Fact]
    public void The_link_and_the_RFC_8058_headers_point_at_the_public_unsubscribe_endpoint()
    {
        var message = new MimeMessage();

        _links.AddHeaders(message, 7);

        var url = _links.UrlFor(7);
        Assert.StartsWith("https://materialen.example.org/newsletter/unsubscribe?token=", url, StringComparison.Ordinal);
        Assert.Equal(7, _links.SubscriberOf(Uri.UnescapeDataString(url.Split("token=")[1])));
        Assert.Equal($"<{url}>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }
}
