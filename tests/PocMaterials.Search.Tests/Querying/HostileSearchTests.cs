using PocMaterials.Search.Querying;
using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>
/// What a hostile caller tries against the engine itself: learning words of materials it may not see
/// from scores, suggestions or their order, and paging without bound.
/// </summary>
public sealed class HostileSearchTests : IDisposable
{
    // The same visible materials twice; the second bank also holds materials the staff may not see.
    private readonly SearchFixture _visibleOnly = new(WriteVisible);
    private readonly SearchFixture _withHidden = new(folder =>
    {
        WriteVisible(folder);
        folder.WriteMaterial("directie-verslag", "title: Verslag directie\ntype: leidraad\nroles: [directeur]",
            "De ouders en de zwijgplicht: ouders ouders. Een geheime fusieplanning voor het centrum.");
        folder.WriteMaterial("ontwerp-ouders", "title: Ouders betrekken\ntype: fiche\nstatus: draft",
            "Ouders betrekken bij de fusieplanning en de zwijgplicht.");
        folder.WriteMaterial("gepland-ouders", "title: Ouders in de toekomst\ntype: fiche\npublished: 2027-03-01",
            "Ouders en de fusieplanning na de fusie; de fusieplannen van volgend jaar.");
    });

    public void Dispose()
    {
        _visibleOnly.Dispose();
        _withHidden.Dispose();
    }

    private static void WriteVisible(ContentFolder folder)
    {
        folder.WriteMaterial("ouders-gesprek", "title: Gesprek met ouders\ntype: fiche",
            "Hoe je een gesprek met ouders voorbereidt en de fusie van twee scholen uitlegt.");
        folder.WriteMaterial("ouders-brief", "title: Brief aan ouders\ntype: leidraad",
            "Een brief aan ouders over het beroepsgeheim en de fusieplannen van de school.");
        folder.WriteMaterial("ouderraad", "title: Ouderraad\ntype: fiche",
            "De ouderraad en de ouders van leerlingen, met ouders in de raad.");
        folder.WriteMaterial("faq-ouders", "title: FAQ ouders\ntype: faq",
            "## Wanneer betrek je ouders?\nAltijd vroeg.\n\n## Wat met gescheiden ouders?\nBeide ouders krijgen de informatie.\n");
    }

    [Theory]
    [InlineData("ouders zwijgplicht")]
    [InlineData("ouders fusieplanning")]
    [InlineData("ouders")]
    [InlineData("fusieplanning")]
    [InlineData("fusieplaning")]
    [InlineData("fusieplannen ouders")]
    [InlineData("\"gesprek met ouders\"")]
    public void Hits_order_scores_totals_facets_and_suggestions_ignore_materials_the_caller_may_not_see(string query)
    {
        foreach (var viewer in new[] { Staff(), Staff("arts") })
        {
            var expected = _visibleOnly.Search(query, viewer);
            var actual = _withHidden.Search(query, viewer);

            Assert.Equal(Describe(expected.Hits), Describe(actual.Hits));
            Assert.Equal(expected.Total, actual.Total);
            Assert.Equal(expected.DidYouMean, actual.DidYouMean);
            Assert.Equal(
                expected.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Id, v.Count))),
                actual.Facets.SelectMany(f => f.Value.Select(v => (f.Key, v.Id, v.Count))));
        }
    }

    [Fact]
    public void A_word_only_hidden_materials_contain_scores_like_a_made_up_word()
    {
        var hidden = _withHidden.Search("ouders zwijgplicht").Hits;
        // Made up from real words, so it is split into parts like the hidden compound is.
        var madeUp = _withHidden.Search("ouders stoelplicht").Hits;

        Assert.NotEmpty(hidden);
        Assert.Equal(Describe(madeUp), Describe(hidden));
    }

    [Fact]
    public void Editors_rank_within_everything_so_hidden_materials_count_for_them()
    {
        var editor = Staff("redacteur");
        Assert.Contains("directie-verslag", _withHidden.Slugs("zwijgplicht", editor));
        Assert.NotEqual(
            _visibleOnly.Search("ouders", editor).Hits[0].Score,
            _withHidden.Search("ouders", editor).Hits.First(h => h.Slug == _visibleOnly.Search("ouders", editor).Hits[0].Slug).Score);
    }

    [Theory]
    [InlineData(11, 100)]
    [InlineData(1_000_000, 100)]
    [InlineData(int.MaxValue, 100)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public void Paging_past_the_result_window_is_refused(int page, int pageSize)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _withHidden.Search("ouders", refine: r => r with { Page = page, PageSize = pageSize }));
    }

    [Fact]
    public void The_last_page_inside_the_result_window_is_served()
    {
        var result = _withHidden.Search(
            "ouders", refine: r => r with { Page = MaterialSearchRequest.MaxResultWindow / 100, PageSize = 100 });

        Assert.Empty(result.Hits);
        Assert.True(result.Total > 0);
    }

    [Fact]
    public void A_material_near_the_size_limit_gets_a_snippet_around_its_matches()
    {
        using var large = new SearchFixture(folder =>
        {
            var filler = string.Concat(Enumerable.Repeat("Ouders en leerlingen praten over de school en de klas. ", 16_000));
            folder.WriteMaterial("groot", "title: Groot\ntype: fiche", filler + "Tot slot het zorgcontinuum.");
        });

        var words = large.Search("ouders leerlingen").Hits.Single();
        var late = large.Search("zorgcontinuum").Hits.Single();
        var typo = large.Search("zorgcontinum");

        Assert.Contains("<mark>Ouders</mark>", words.Snippet, StringComparison.Ordinal);
        Assert.True(words.Snippet.Length < 1_000);
        Assert.Contains("<mark>zorgcontinuum</mark>", late.Snippet, StringComparison.Ordinal);
        Assert.Equal("zorgcontinuum", typo.DidYouMean);
    }

    [Theory]
    [InlineData("meld op ")]
    [InlineData("op ")]
    [InlineData("leer achterstand ")]
    [InlineData("welke ")]
    [InlineData("kindkindkindkindkindkindkindkindkindkind")]
    public void A_query_of_the_maximum_length_of_one_repeated_pattern_is_answered(string pattern)
    {
        var repeated = string.Concat(Enumerable.Repeat(pattern, MaterialSearchRequest.MaxQueryLength / pattern.Length + 1));
        var query = repeated[..MaterialSearchRequest.MaxQueryLength];

        var result = _withHidden.Search(query);

        Assert.True(result.Total >= 0);
        Assert.DoesNotContain(
            _withHidden.Searcher.Complete(query, Staff(), Today),
            c => c.Url?.Contains("directie", StringComparison.Ordinal) == true);
    }

    private static List<string> Describe(IEnumerable<MaterialHit> hits) =>
        hits.Select(h => $"{h.Slug}#{string.Join(',', h.Questions.Select(q => q.Anchor))} {h.Score:R} {h.Snippet}").ToList();
}
