using PocMaterials.Content.Materials;

namespace PocMaterials.Content.Visibility;

/// <summary>Materials that share a theme or a core process with another, as far as the viewer may see them.</summary>
public static class RelatedMaterials
{
    public static IReadOnlyList<Material> For(
        Material material,
        IEnumerable<Material> all,
        StaffMember viewer,
        DateOnly today,
        int max = 5) =>
        all.Where(other => other.Slug != material.Slug && other.IsVisibleTo(viewer, today))
            .Select(other => (Material: other, Score: Shared(material, other)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Material.Updated)
            .ThenBy(x => x.Material.Slug, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Material)
            .ToList();

    // A shared theme says more than a shared core process: themes are narrower.
    private static int Shared(Material a, Material b) =>
        (2 * a.Themes.Intersect(b.Themes).Count()) + a.CoreProcesses.Intersect(b.CoreProcesses).Count();
}
