using System.Globalization;
using Microsoft.Extensions.Options;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Security;

namespace PocMaterials.Newsletter.Tracking;

/// <summary>A click on a material link of a mail: which issue, which subscriber (0 for a test mail), which material.</summary>
public sealed record ClickToken(long IssueId, long SubscriberId, string Slug);

/// <summary>An open of a mail: which issue, which subscriber (0 for a test mail).</summary>
public sealed record OpenToken(long IssueId, long SubscriberId);

/// <summary>
/// The links of a mail. Material links and the open pixel go through this server with signed tokens:
/// a token names the issue, the subscriber and the material, so a click can only lead to a material
/// of that issue (no open redirect) and nobody can count opens or clicks for someone else.
/// </summary>
public sealed class NewsletterLinks(SignedTokens tokens, IOptions<NewsletterOptions> options)
{
    private const string ClickPurpose = "newsletter-click";
    private const string OpenPurpose = "newsletter-open";

    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string Click(long issueId, long subscriberId, string slug) =>
        $"{Base}/n/c/{tokens.Sign(ClickPurpose, string.Create(CultureInfo.InvariantCulture, $"{issueId}.{subscriberId}.{slug}"))}";

    public string OpenPixel(long issueId, long subscriberId) =>
        $"{Base}/n/o/{tokens.Sign(OpenPurpose, string.Create(CultureInfo.InvariantCulture, $"{issueId}.{subscriberId}"))}";

    public string Archive(NewsletterIssue issue) => $"{Base}/nieuwsbrieven/{issue.Key}";

    /// <summary>Where a material is read: the web app's page. With a source, the page records its view as coming from there.</summary>
    public string Material(string slug, string? source = null) =>
        $"{Base}/materials/{Uri.EscapeDataString(slug)}" + (source is null ? "" : $"?source={source}");

    public ClickToken? ReadClick(string token) =>
        tokens.Verify(ClickPurpose, token)?.Split('.', 3) is [var issue, var subscriber, var slug]
        && TryIds(issue, subscriber, out var i, out var s)
            ? new ClickToken(i, s, slug)
            : null;

    public OpenToken? ReadOpen(string token) =>
        tokens.Verify(OpenPurpose, token)?.Split('.') is [var issue, var subscriber]
        && TryIds(issue, subscriber, out var i, out var s)
            ? new OpenToken(i, s)
            : null;

    private static bool TryIds(string issue, string subscriber, out long issueId, out long subscriberId)
    {
        subscriberId = 0;
        return long.TryParse(issue, NumberStyles.None, CultureInfo.InvariantCulture, out issueId)
            && long.TryParse(subscriber, NumberStyles.None, CultureInfo.InvariantCulture, out subscriberId);
    }
}
