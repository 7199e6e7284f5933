using PocMaterials.Content.Library;
using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Testing;

namespace PocMaterials.Newsletter.Tests.Composition;

public sealed class FeatureSelectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Without_a_plan_the_theme_with_the_most_fresh_materials_not_featured_lately_is_chosen()
    {
        using var folder = Themes(3);
        folder.WriteMaterial("a1", "title: A1\ntype: fiche\nthemes: [thema-a]\npublished: 2026-10-01");
        folder.WriteMaterial("b1", "title: B1\ntype: fiche\nthemes: [thema-b]\npublished: 2026-10-01");
        folder.WriteMaterial("b2", "title: B2\ntype: fiche\nthemes: [thema-b]\npublished: 2026-10-02");
        folder.WriteMaterial("b-draft", "title: B3\ntype: fiche\nthemes: [thema-b]\nstatus: draft");
        folder.WriteMaterial("c1", "title: C1\ntype: fiche\nthemes: [thema-c]\npublished: 2026-10-01");
        folder.WriteMaterial("c2", "title: C2\ntype: fiche\nthemes: [thema-c]\npublished: 2026-10-01");
        folder.WriteMaterial("c3", "title: C3\ntype: fiche\nthemes: [thema-c]\npublished: 2026-10-01");
        var content = Load(folder);

        var fresh = FeatureSelection.Choose(new DateOnly(2026, 12, 1), content, [], Today)!.Value;
        // Thema C was featured in one of the last six issues: B, with two fresh materials, goes before A.
        var notRecent = FeatureSelection.Choose(
            new DateOnly(2026, 12, 1), content, [Issue(new DateOnly(2026, 6, 1), "thema-c")], Today)!.Value;

        Assert.Equal("thema-c", fresh.Feature.Id);
        Assert.Equal("thema-b", notRecent.Feature.Id);
        Assert.Contains("(2)", notRecent.Reason, StringComparison.Ordinal);
        Assert.Contains("niet in de laatste 6 nummers", notRecent.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Materials_count_only_when_published_or_updated_since_the_theme_was_last_featured()
    {
        using var folder = Themes(2);
        folder.WriteMaterial("a-old", "title: A oud\ntype: fiche\nthemes: [thema-a]\npublished: 2024-01-01");
        folder.WriteMaterial("a-old2", "title: A oud 2\ntype: fiche\nthemes: [thema-a]\npublished: 2024-01-01");
        folder.WriteMaterial("b-new", "title: B nieuw\ntype: fiche\nthemes: [thema-b]\npublished: 2026-09-01");
        var earlier = Enumerable.Range(1, 6)
            .Select(i => Issue(new DateOnly(2026, 11, 1).AddMonths(-i), "ander"))
            .Append(Issue(new DateOnly(2025, 1, 1), "thema-a"))
            .ToList();

        var chosen = FeatureSelection.Choose(new DateOnly(2026, 12, 1), Load(folder), earlier, Today)!.Value;

        Assert.Equal("thema-b", chosen.Feature.Id);
    }

    [Fact]
    public void A_planned_month_wins()
    {
        using var folder = Themes(2);
        folder.Write("content/newsletter.yml", "2026-12: begeleiding\n");

        var chosen = FeatureSelection.Choose(new DateOnly(2026, 12, 1), Load(folder), [], Today)!.Value;

        Assert.Equal(new Feature(FeatureKind.CoreProcess, "begeleiding"), chosen.Feature);
    }

    private static ContentFolder Themes(int count)
    {
        var folder = ContentFolder.WithFixture();
        foreach (var letter in "abc"[..count])
            folder.Write($"themes/thema-{letter}.md", $"---\ntitle: Thema {char.ToUpperInvariant(letter)}\n---\nIntro {letter}.\n");
        return folder;
    }

    private static ContentSnapshot Load(ContentFolder folder)
    {
        using var library = new ContentLibrary(folder.Location);
        var content = library.Reload().Snapshot;
        Assert.Empty(content.Errors);
        return content;
    }

    private static NewsletterIssue Issue(DateOnly month, string theme) => new()
    {
        Id = 1, Month = month, Feature = new Feature(FeatureKind.Theme, theme), FeatureReason = "", IntroMarkdown = "",
        Composition = new IssueComposition(month, [], [], [], []), Status = IssueStatus.Sent, ComposedAt = DateTimeOffset.UtcNow,
    };
}
