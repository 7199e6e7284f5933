using System.Security.Cryptography;
using System.Text.Json;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>The metadata a payload carries about a material: never its body.</summary>
public sealed record MaterialPayload(
    string Slug,
    string Title,
    string Type,
    string? Summary,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Roles,
    DateOnly? Updated,
    string Url);

/// <summary>
/// A material as webhooks tell of it: whether staff can see it (published and its date reached), for
/// which roles, and a fingerprint of its content. Two of them, before and after, give the event.
/// </summary>
public sealed record MaterialAnnouncement(string Fingerprint, bool Visible, IReadOnlyList<string> Roles, MaterialPayload Material)
{
    public static MaterialAnnouncement Of(Material material, DateOnly today, string publicBaseUrl) => new(
        FingerprintOf(material),
        material.IsPublishedOn(today),
        material.Roles,
        new MaterialPayload(material.Slug, material.Title, material.Type, material.Summary, material.Themes, material.Roles,
            material.Updated ?? material.Published, $"{publicBaseUrl.TrimEnd('/')}/materials/{Uri.EscapeDataString(material.Slug)}"));

    /// <summary>Every field of the file, not where it lies: moving it to another folder changes nothing.</summary>
    public static string FingerprintOf(Material m)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            m.Title, m.Type, m.Summary, m.CoreProcesses, m.Themes, m.Domains, m.Roles, m.ContactId, m.Published, m.Updated, m.ReviewBy,
            Status = m.Status.ToString(), m.Tags, m.BodyMarkdown,
        });
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    /// <summary>Whether a receiver serving <paramref name="audience"/> may know of it, by the rule the API applies to staff.</summary>
    public bool IsVisibleTo(StaffMember audience) => Visible && Roles.Any(audience.Roles.Contains);

    public bool SameAs(MaterialAnnouncement? other) => other is not null && other.Fingerprint == Fingerprint && other.Visible == Visible;

    /// <summary>
    /// The event a receiver serving <paramref name="audience"/> gets for this change, if any. Unpublished and
    /// removed events carry the material as it was last announced, so a receiver learns nothing it could not see.
    /// </summary>
    public static (string Type, MaterialPayload Material)? EventFor(
        MaterialAnnouncement? before, MaterialAnnouncement? after, StaffMember audience)
    {
        var was = before?.IsVisibleTo(audience) == true;
        var now = after?.IsVisibleTo(audience) == true;
        return (was, now) switch
        {
            (false, true) => (WebhookEventTypes.Published, after!.Material),
            (true, true) when before!.Fingerprint != after!.Fingerprint => (WebhookEventTypes.Updated, after.Material),
            (true, false) => (after is null ? WebhookEventTypes.Removed : WebhookEventTypes.Unpublished, before!.Material),
            _ => null,
        };
    }
}
