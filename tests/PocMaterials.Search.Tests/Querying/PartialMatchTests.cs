using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>Ranked partial matches: every word first, then fewer words, with totals and facets that follow.</summary>
public sealed class PartialMatchTests : IDisposable
{
    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    private static void Write(ContentFolder folder)
    {
        folder.WriteMaterial("alle-woorden", "title: Toestemming bij vaccinatie op school\ntype: fiche",
            "Toestemming van ouders voor een vaccinatie.");
        folder.WriteMaterial("alleen-toestemming", "title: Toestemming delen informatie\ntype: leidraad",
            "Toestemming vragen voor informatie delen.");
        folder.WriteMaterial("alleen-school", "title: Schoolreglement\ntype: fiche", "Afspraken op school.");
        folder.WriteMaterial("niets", "title: Groeicurve\ntype: fiche", "Meten en wegen.");
        folder.WriteMaterial("faq-toestemming", "title: FAQ informatiedeling\ntype: faq",
            "Intro.\n\n## Wanneer is toestemming nodig?\nMeestal.\n\n## Wie geeft toestemming?\nDe ouders.\n\n"
            + "## Geldt toestemming ook op school?\nJa.\n\n## Hoe lang geldt toestemming?\nEen jaar.\n\n"
            + "## Wat is een groeicurve?\nEen grafiek.\n");
    }

    [Fact]
    public void Materials_matching_every_word_come_first_then_those_matching_fewer()
    {
        var result = _search.Search("toestemming vaccinatie school");

        Assert.Equal("alle-woorden", result.Hits[0].Slug);
        Assert.True(result.Hits[0].MatchesAllWords);
        Assert.All(result.Hits.Skip(1), h => Assert.False(h.MatchesAllWords));
        Assert.Equal(1, result.TotalAllWords);
        Assert.Equal(["alle-woorden", "alleen-school", "alleen-toestemming", "faq-toestemming"], result.Hits.Select(h => h.Slug).Order());
    }

    [Fact]
    public void Total_and_facets_count_partial_matches_each_material_once()
    {
        var result = _search.Search("toestemming vaccinatie school");

        Assert.Equal(4, result.Total);
        Assert.Equal(result.Total, result.Facets["type"].Sum(f => f.Count));
        Assert.Equal(2, result.Facets["type"].Single(f => f.Id == "fiche").Count);
    }

    [Fact]
    public void A_word_nothing_contains_leaves_the_page_full_of_the_other_words_matches()
    {
        var result = _search.Search("toestemming zzzonbekend", refine: r => r with { PageSize = 2 });

        Assert.Equal(0, result.TotalAllWords);
        Assert.Equal(2, result.Hits.Count);
        Assert.Equal(3, result.Total);
    }

    [Fact]
    public void A_FAQ_list_is_one_hit_with_at_most_three_matching_questions_best_first()
    {
        var result = _search.Search("toestemming");
        var faq = result.Hits.Single(h => h.Slug == "faq-toestemming");

        Assert.Equal(3, faq.Questions.Count);
        Assert.All(faq.Questions, q => Assert.Contains("toestemming", q.Question, StringComparison.Ordinal));
        Assert.All(faq.Questions, q => Assert.Equal($"/materials/faq-toestemming#{q.Anchor}", q.Url));
        Assert.Equal(result.Hits.Count, result.Total);
    }

    [Fact]
    public void Positions_number_material_hits_across_pages()
    {
        var first = _search.Search("toestemming", refine: r => r with { PageSize = 2 });
        var second = _search.Search("toestemming", refine: r => r with { PageSize = 2, Page = 2 });

        Assert.Equal([1, 2], first.Hits.Select(h => h.Position));
        Assert.Equal([3], second.Hits.Select(h => h.Position));
    }

    [Fact]
    public void A_page_filled_by_materials_matching_every_word_ranks_and_counts_as_the_whole_result_does()
    {
        using var bank = new SearchFixture(folder =>
        {
            for (var i = 0; i < 6; i++)
            {
                folder.WriteMaterial($"beide-{i}", $"title: Toestemming {i}\ntype: fiche",
                    string.Concat(Enumerable.Repeat("toestemming ", i + 1)) + "vaccinatie.");
            }
            for (var i = 0; i < 4; i++)
                folder.WriteMaterial($"een-{i}", $"title: Vaccinatie {i}\ntype: leidraad", "Over vaccinatie.");
            folder.WriteMaterial("faq-beide", "title: FAQ\ntype: faq", "Intro.\n\n## Toestemming voor vaccinatie?\nJa.\n");
        });

        var whole = bank.Search("toestemming vaccinatie");
        var firstPage = bank.Search("toestemming vaccinatie", refine: r => r with { PageSize = 3 });
        var secondPage = bank.Search("toestemming vaccinatie", refine: r => r with { PageSize = 3, Page = 2 });

        Assert.Equal((11, 7), (whole.Total, whole.TotalAllWords));
        Assert.Equal((whole.Total, whole.TotalAllWords), (firstPage.Total, firstPage.TotalAllWords));
        Assert.Equal(
            whole.Hits.Take(6).Select(h => (h.Slug, h.Questions.Count)),
            firstPage.Hits.Concat(secondPage.Hits).Select(h => (h.Slug, h.Questions.Count)));
        Assert.Equal(
            whole.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Id, v.Count))),
            firstPage.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Id, v.Count))));
    }
}
