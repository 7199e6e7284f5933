using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// A material named by a staff member's request: given only when it exists and they may see it. Not visible and not
/// existing answer alike, as the material itself does, so a vote or a question cannot probe for materials.
/// </summary>
internal static class VisibleMaterials
{
    public static Material? Find(ContentSnapshot content, string slug, StaffMember member, DateOnly today) =>
        content.Materials.TryGetValue(slug, out var material) && material.IsVisibleTo(member, today) ? material : null;
}
