using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Newsletter.Composition;

/// <summary>
/// Composes the issue of a month from the content and reach tracking: the feature and its
/// introduction, the feature's materials new and updated since the previous issue, its others by
/// views, and the materials most viewed the month before. The lists are whole rankings, not cut: which
/// of them a recipient sees, and how many, is decided per recipient when the mail is made, among what
/// their roles may see, so materials only other roles may see never push a role's own out of its mail.
/// </summary>
public sealed class IssueComposer(IssueStore issues, MaterialPopularity popularity, TimeProvider time)
{
    /// <returns>The composed issue (not stored), or null when there is nothing to feature.</returns>
    public async Task<NewsletterIssue?> ComposeAsync(
        DateOnly month, ContentSnapshot content, DateOnly today, CancellationToken cancellationToken)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var earlier = await issues.ListAsync(before: month, cancellationToken: cancellationToken);
        var notCancelled = earlier.Where(i => i.Status != IssueStatus.Cancelled).ToList();
        if (FeatureSelection.Choose(month, content, notCancelled, today) is not var (feature, reason))
            return null;

        // New and updated count from the previous issue's month; the first issue looks back one month.
        var since = notCancelled.FirstOrDefault()?.Month ?? month.AddMonths(-1);
        var featured = content.Materials.Values
            .Where(m => FeatureSelection.IsPublished(m, today) && Features(m, feature))
            .OrderByDescending(m => m.Updated).ThenBy(m => m.Slug, StringComparer.Ordinal)
            .ToList();
        var isNew = featured.Where(m => m.Published >= since).ToList();
        var updated = featured.Where(m => !isNew.Contains(m) && m.Updated >= since).ToList();

        var yearViews = await popularity.ViewsAsync(today.AddYears(-1), today, cancellationToken);
        var rank = yearViews.Where(v => v.Views > 0).Select((v, i) => (v.Slug, i))
            .ToDictionary(v => v.Slug, v => v.i, StringComparer.Ordinal);
        var others = featured.Except(isNew).Except(updated).ToList();
        var mostViewed = others.Where(m => rank.ContainsKey(m.Slug)).OrderBy(m => rank[m.Slug]).ToList();
        var neverViewed = others.Except(mostViewed).ToList();

        var previousMonth = month.AddMonths(-1);
        var monthViews = await popularity.ViewsAsync(previousMonth, month.AddDays(-1), cancellationToken);
        var topOfMonth = monthViews
            .Where(v => v.Views > 0 && content.Materials.TryGetValue(v.Slug, out var m) && FeatureSelection.IsPublished(m, today))
            .Select(v => v.Slug).ToList();

        return new NewsletterIssue
        {
            Id = 0,
            Month = month,
            Feature = feature,
            FeatureReason = reason,
            IntroMarkdown = Intro(feature, content),
            Composition = new IssueComposition(since, Slugs(isNew), Slugs(updated), Slugs(mostViewed), topOfMonth)
            {
                NeverViewed = Slugs(neverViewed),
            },
            Status = IssueStatus.Composed,
            ComposedAt = time.GetUtcNow(),
        };
    }

    private static bool Features(Material material, Feature feature) => feature.Kind == FeatureKind.Theme
        ? material.Themes.Contains(feature.Id)
        : material.CoreProcesses.Contains(feature.Id);

    private static string Intro(Feature feature, ContentSnapshot content) => feature.Kind == FeatureKind.Theme
        ? content.ThemesById[feature.Id].IntroMarkdown
        : $"Deze maand staat het kernproces **{content.Taxonomy.CoreProcesses.LabelOf(feature.Id)}** in de kijker, " +
            "met de materialen die POC+ ervoor maakte.";

    private static List<string> Slugs(IEnumerable<Material> materials) => materials.Select(m => m.Slug).ToList();
}
