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
        if (material.Status != MaterialStatus.Published)
            return false;
        if (material.Published is { } published && published > today)
            return false;
        return material.Roles.Any(viewer.Roles.Contains);
    }
}
