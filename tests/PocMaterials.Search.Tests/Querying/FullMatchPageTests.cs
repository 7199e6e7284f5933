using PocMaterials.Search.Querying;
using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>
/// A page that materials matching every word fill is ranked from those materials alone, the others only counted: the
/// totals, facets and hits are those of a page that needs the partial matches too, within what the viewer may see.
/// </summary>
public sealed class FullMatchPageTests : IDisposable
{
    private const string Query = "toestemming vaccinatie";

    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    private static void Write(ContentFolder folder)
    {
        for (var i = 0; i < 12; i++)
        {
            var type = i % 3 == 0 ? "leidraad" : "fiche";
            folder.WriteMaterial($"beide-{i}", $"title: Toestemming en vaccinatie {i}\ntype: {type}\nthemes: [decreet-leersteun]",
                string.Concat(Enumerable.Repeat("Toestemming van ouders. ", i % 4 + 1)) + "Een vaccinatie op school.");
        }
        // Both words only in one of its FAQ questions: the material matches every word through that question.
        folder.WriteMaterial("faq-beide", "title: FAQ schoolarts\ntype: faq",
            "Intro.\n\n## Is toestemming nodig voor een vaccinatie?\nJa.\n\n## Wie meet en weegt?\nDe verpleegkundige.\n");
        for (var i = 0; i < 5; i++)
            folder.WriteMaterial($"een-woord-{i}", $"title: Vaccinatie {i}\ntype: fiche", "Over het vaccinatieschema.");
        folder.WriteMaterial("alleen-toestemming", "title: Toestemming delen\ntype: faq", "Toestemming voor informatie.");
        // Matches every word, for doctors only: in no staff member's page or count.
        folder.WriteMaterial("artsen-beide", "title: Toestemming en vaccinatie voor artsen\ntype: fiche\nroles: [arts]",
            "Toestemming en vaccinatie.");
    }

    [Theory]
    [InlineData("clb-medewerker", 13, 19)]
    [InlineData("arts", 14, 20)]
    public void A_page_filled_by_materials_matching_every_word_counts_and_ranks_as_one_that_needs_fewer(
        string role, int allWords, int total)
    {
        var viewer = Staff(role);
        // Pages of 5: the first two are filled by materials matching every word; a page of 100 needs the others too.
        var whole = _search.Search(Query, viewer);
        var first = _search.Search(Query, viewer, r => r with { PageSize = 5 });
        var second = _search.Search(Query, viewer, r => r with { PageSize = 5, Page = 2 });

        Assert.Equal((allWords, total), (whole.TotalAllWords, whole.Total));
        foreach (var page in new[] { first, second })
        {
            Assert.Equal((whole.TotalAllWords, whole.Total), (page.TotalAllWords, page.Total));
            Assert.Equal(Counts(whole), Counts(page));
        }
        var paged = first.Hits.Concat(second.Hits).ToList();
        Assert.All(paged, hit => Assert.True(hit.MatchesAllWords));
        Assert.Equal(whole.Hits.Take(10).Select(Shown), paged.Select(Shown));
        Assert.Equal(role == "arts", whole.Hits.Any(h => h.Slug == "artsen-beide"));
    }

    private static string Shown(MaterialHit hit) =>
        $"{hit.Slug} {hit.Score:F4} {string.Join('|', hit.Questions.Select(q => q.Anchor))}";

    private static IEnumerable<string> Counts(MaterialSearchResult result) =>
        result.Facets.OrderBy(f => f.Key, StringComparer.Ordinal).SelectMany(f => f.Value.Select(v => $"{f.Key}:{v.Id}={v.Count}"));
}
