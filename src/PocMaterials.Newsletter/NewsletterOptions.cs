using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Newsletter;

/// <summary>The POC-a-tizer: where its links point and how its tokens are signed.</summary>
public sealed class NewsletterOptions
{
    public const string Section = "Newsletter";

    /// <summary>The address staff reach this server at; links in mails (unsubscribe, tracking, materials) start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The secret of unsubscribe and tracking tokens; by default one created once in the data folder.</summary>
    public string? SigningKey { get; set; }
}
