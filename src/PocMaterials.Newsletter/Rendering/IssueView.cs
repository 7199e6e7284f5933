using System.Globalization;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Issues;

namespace PocMaterials.Newsletter.Rendering;

public sealed record MaterialLink(string Slug, string Title, string TypeLabel, string? Summary, string Url);

public sealed record MaterialGroup(string Title, IReadOnlyList<MaterialLink> Materials);

public sealed record ContactCard(string Name, string? Role, string? Email, string? Phone);

/// <summary>An issue's introduction as HTML and as plain text: the same for every reader, so made once per run.</summary>
public sealed record IssueIntro(string Html, string Text)
{
    public static IssueIntro Of(NewsletterIssue issue) =>
        new(MarkdownRendering.ToHtml(issue.IntroMarkdown), MarkdownRendering.ToMailText(issue.IntroMarkdown));
}

/// <summary>
/// An issue as one reader sees it: only the materials their roles may see today, by the same rule as
/// search. Built from the issue's slugs and the current content, so titles are always current.
/// </summary>
public sealed record IssueView(
    string Subject,
    string MonthLabel,
    string FeatureTitle,
    string IntroHtml,
    string IntroText,
    ContactCard? Contact,
    IReadOnlyList<MaterialGroup> Groups)
{
    /// <summary>Of the feature's materials that are neither new nor updated, a reader gets this many.</summary>
    public const int FeatureOthersShown = 5;

    public const int TopOfMonthShown = 3;

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    /// <param name="materialUrl">The link of a material in this view (tracked in a mail, plain on the web).</param>
    /// <param name="intro">The introduction, when made already for other readers.</param>
    /// <returns>The view, or null when the reader may see none of the issue's materials.</returns>
    public static IssueView? For(
        NewsletterIssue issue,
        ContentSnapshot content,
        StaffMember reader,
        DateOnly today,
        Func<string, string> materialUrl,
        IssueIntro? intro = null)
    {
        // Lazily: a ranking is cut after the first ones this reader may see.
        IEnumerable<MaterialLink> Visible(IEnumerable<string> slugs) => slugs
            .Select(slug => content.Materials.GetValueOrDefault(slug))
            .Where(m => m is not null && m.IsVisibleTo(reader, today))
            .Select(m => new MaterialLink(m!.Slug, m.Title, content.Taxonomy.Types.LabelOf(m.Type), m.Summary, materialUrl(m.Slug)));

        var composition = issue.Composition;
        var featureTitle = TitleOf(issue.Feature, content);
        var mostViewed = Visible(composition.MostViewed).Take(FeatureOthersShown).ToList();
        var groups = new[]
        {
            new MaterialGroup("Nieuw sinds het vorige nummer", Visible(composition.New).ToList()),
            new MaterialGroup("Bijgewerkt sinds het vorige nummer", Visible(composition.Updated).ToList()),
            new MaterialGroup($"Meest bekeken over {featureTitle}", mostViewed),
            // Not "most viewed": nobody viewed these.
            new MaterialGroup($"Meer over {featureTitle}",
                Visible(composition.NeverViewed).Take(FeatureOthersShown - mostViewed.Count).ToList()),
            new MaterialGroup("Top 3 van de maand in de materialenbank", Visible(composition.TopOfMonth).Take(TopOfMonthShown).ToList()),
        }.Where(g => g.Materials.Count > 0).ToList();
        if (groups.Count == 0)
            return null;

        var monthLabel = issue.Month.ToString("MMMM yyyy", Dutch);
        intro ??= IssueIntro.Of(issue);
        return new IssueView(
            $"POC-a-tizer {monthLabel}: {featureTitle} in de kijker",
            monthLabel,
            featureTitle,
            intro.Html,
            intro.Text,
            ContactOf(issue.Feature, content),
            groups);
    }

    public static string TitleOf(Feature feature, ContentSnapshot content) => feature.Kind == FeatureKind.Theme
        ? content.ThemeTitle(feature.Id)
        : content.Taxonomy.CoreProcesses.LabelOf(feature.Id);

    private static ContactCard? ContactOf(Feature feature, ContentSnapshot content) =>
        feature.Kind == FeatureKind.Theme
        && content.ThemesById.TryGetValue(feature.Id, out var theme)
        && content.ContactOf(theme.ContactId) is { } contact
            ? new ContactCard(contact.Name, contact.Role, contact.Email, contact.Phone)
            : null;
}
