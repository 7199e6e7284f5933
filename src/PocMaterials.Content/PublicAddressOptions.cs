using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Content;

/// <summary>
/// The address staff reach this server at, where links to materials start: in mails (the newsletter) and in
/// webhook payloads (publishing). Its key is still <c>Newsletter:PublicBaseUrl</c>, where it was first set.
/// </summary>
public sealed class PublicAddressOptions
{
    public const string Section = "Newsletter";

    public const string DefaultBaseUrl = "http://localhost:5000";

    /// <summary>The address staff reach this server at; links in mails and webhook payloads start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = DefaultBaseUrl;
}
