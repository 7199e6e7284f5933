using PocMaterials.Content.Materials;

namespace PocMaterials.Content.Visibility;

/// <summary>
/// Who may see a material. The search index applies the same rule as a query filter
/// (see the Search project); this is the form used for single materials.
/// </summary>
public static class MaterialVisibility
{
    public static bool IsVisibleTo(this Material material, StaffMember viewer, DateOnly today)
    {
        if (viewer.IsEditor)
            return true;
        return material.IsPublishedOn(today) && material.Roles.Any(viewer.Roles.Contains);
    }

    /// <summary>Published and not scheduled for later: visible to the roles it is for.</summary>
    public static bool IsPublishedOn(this Material material, DateOnly today) =>
        material.Status == MaterialStatus.Published && !(material.Published is { } published && published > today);
}
