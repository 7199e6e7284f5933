using System.Globalization;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Composition;

/// <summary>
/// Which theme or core process an issue features: the one newsletter.yml plans for the month, else
/// the theme not featured in the last six issues with the most materials published or updated since
/// it was last featured.
/// </summary>
public static class FeatureSelection
{
    public const int RecentIssues = 6;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    /// <param name="earlier">The issues before this month, newest first.</param>
    public static (Feature Feature, string Reason)? Choose(
        DateOnly month, ContentSnapshot content, IReadOnlyList<NewsletterIssue> earlier, DateOnly today)
    {
        if (content.NewsletterCalendar.For(month) is { } planned)
            return (planned, "Gepland in newsletter.yml.");

        var recent = earlier.Take(RecentIssues).Select(i => i.Feature).ToHashSet();
        var candidates = content.Themes
            .Where(t => !recent.Contains(new Feature(FeatureKind.Theme, t.Id)))
            .Select(t =>
            {
                var lastFeatured = earlier.FirstOrDefault(i => i.Feature == new Feature(FeatureKind.Theme, t.Id))?.Month;
                var fresh = content.Materials.Values
                    .Count(m => m.Themes.Contains(t.Id) && IsPublished(m, today) && ChangedSince(m, lastFeatured));
                return (Theme: t, LastFeatured: lastFeatured, Fresh: fresh);
            })
            .OrderByDescending(c => c.Fresh)
            .ThenBy(c => c.Theme.Title, StringComparer.Create(Dutch, ignoreCase: true))
            .ToList();
        if (candidates.Count == 0)
            return null;
        var chosen = candidates[0];
        var since = chosen.LastFeatured is { } last
            ? $"sinds het thema in de kijker stond in {last.ToString("MMMM yyyy", Dutch)}"
            : "en het thema stond nog nooit in de kijker";
        return (new Feature(FeatureKind.Theme, chosen.Theme.Id),
            "Automatisch gekozen: geen vermelding in newsletter.yml voor deze maand. " +
            $"'{chosen.Theme.Title}' stond niet in de laatste {RecentIssues} nummers " +
            $"en heeft de meeste nieuwe of bijgewerkte materialen ({chosen.Fresh}) {since}.");
    }

    /// <summary>Published for staff: not a draft and not scheduled for later.</summary>
    public static bool IsPublished(Material material, DateOnly today) =>
        material.Status == MaterialStatus.Published && (material.Published is not { } published || published <= today);

    private static bool ChangedSince(Material material, DateOnly? since) =>
        since is not { } day || material.Published > day || material.Updated > day;
}
