using System.Globalization;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Newsletter.Security;

namespace PocMaterials.Helpdesk.Mails;

/// <summary>A score given through a link of an answer's mail: the question and the score, 1 to 5.</summary>
public sealed record SatisfactionClick(long QuestionId, int Score);

/// <summary>
/// The one-click satisfaction links of an answer's mail: signed tokens with a purpose of their own (never accepted as an
/// unsubscribe or newsletter link, nor the other way round), so nobody scores a question that is not theirs to score,
/// and no sign-in is needed.
/// </summary>
public sealed class SatisfactionLinks(SignedTokens tokens, IOptions<PublicAddressOptions> address)
{
    public const string Path = "/helpdesk/tevredenheid";
    public const int MinScore = 1;
    public const int MaxScore = 5;
    private const string Purpose = "helpdesk-satisfaction";

    public string Url(long questionId, int score) =>
        $"{address.Value.PublicBaseUrl.TrimEnd('/')}{Path}?token={Uri.EscapeDataString(Token(questionId, score))}";

    public string Token(long questionId, int score) =>
        tokens.Sign(Purpose, string.Create(CultureInfo.InvariantCulture, $"{questionId}.{score}"));

    /// <returns>The question and score, or null when the token is missing, damaged or made for something else.</returns>
    public SatisfactionClick? Read(string? token) =>
        tokens.Verify(Purpose, token)?.Split('.') is [var id, var score]
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var questionId)
        && int.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value is >= MinScore and <= MaxScore
            ? new SatisfactionClick(questionId, value)
            : null;
}
