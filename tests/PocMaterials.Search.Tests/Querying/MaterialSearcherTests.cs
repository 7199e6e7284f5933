using PocMaterials.Search.Querying;
using PocMaterials.Testing;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>The search as staff use it: what finds what, in which order, with which snippets and pages.</summary>
public sealed class MaterialSearcherTests : IDisposable
{
    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    internal static void Write(ContentFolder folder)
    {
        folder.WriteMaterial("leidraad-intake-hgd",
            "title: Leidraad intake binnen HGD\ntype: leidraad\ncore_processes: [handelingsgerichte-diagnostiek]\nupdated: 2025-01-10",
            "De intake is de eerste fase van een HGD-traject. Zo verloopt de intake.");
        folder.WriteMaterial("visie-diagnostiek", "title: Visie op diagnostiek\ntype: leidraad\nupdated: 2026-05-01",
            "Wij werken volgens handelingsgerichte diagnostiek in elk team.");
        folder.WriteMaterial("begeleidingsstrategieen", "title: Aanpak bij leerstoornissen\ntype: fiche\nupdated: 2024-03-01",
            "Dit document bundelt begeleidingsstrategieën voor de leerlingenbegeleiding op school.");
        folder.WriteMaterial("faq-leersteun",
            "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]\ndomains: [leren-en-studeren]\nupdated: 2026-09-01",
            "Intro.\n\n## Wie vraagt leersteun aan?\nDe school vraagt leersteun aan bij het leersteuncentrum.\n\n"
            + "## Hoe lang duurt een traject?\nMeestal loopt het een schooljaar.\n");
        folder.WriteMaterial("vaccinatie-procedure",
            "title: Procedure vaccinatie\ntype: fiche\nroles: [arts, verpleegkundige]\ndomains: [preventieve-gezondheidszorg]",
            "Afspraken over de vaccinatie en de tuberculinetest van leerlingen.");
        folder.WriteMaterial("personeelsbeleid", "title: Personeelsbeleid\ntype: leidraad\nroles: [directeur]",
            "De personeelsformatie van het centrum en de vaccinatie van personeel.");
        folder.WriteMaterial("ontwerp-huisonderwijs", "title: FAQ huisonderwijs\ntype: faq\nstatus: draft",
            "## Wat is een huisonderwijsattest?\nEen bewijs.\n");
        folder.WriteMaterial("gepland", "title: Aanvangsbegeleiding\ntype: leidraad\npublished: 2027-03-01",
            "Een inwerkingstraject voor nieuwe collega's.");
        folder.WriteMaterial("beroepsgeheim-titel", "title: Beroepsgeheim in de praktijk\ntype: fiche\nthemes: [beroepsgeheim-en-drm]",
            "Een tekst over het delen van informatie met ouders en scholen in de dagelijkse praktijk.");
        folder.WriteMaterial("verslag-werking", "title: Verslag werking\ntype: fiche",
            "Dit verslag gaat over de werking op school en ook even over het beroepsgeheim bij het delen.");
        folder.WriteMaterial("gezag-exact", "title: Tekst gezag een\ntype: fiche",
            "Na de scheiding blijft het ouderlijk gezag gedeeld tussen beide partners in het gezin.");
        folder.WriteMaterial("gezag-verspreid", "title: Tekst gezag twee\ntype: fiche",
            "Het gezag van de school en de ouderlijk betrokkenheid blijven belangrijk na een scheiding.");
    }

    [Fact]
    public void An_acronym_finds_its_long_form_and_back()
    {
        Assert.Equal(["leidraad-intake-hgd", "visie-diagnostiek"], _search.Slugs("HGD").Order());
        Assert.Equal(["leidraad-intake-hgd", "visie-diagnostiek"], _search.Slugs("handelingsgerichte diagnostiek").Order());
    }

    [Fact]
    public void HGD_intake_finds_the_intake_guide_first()
    {
        Assert.Equal("leidraad-intake-hgd", _search.Search("HGD intake").Hits[0].Slug);
    }

    [Theory]
    [InlineData("strategie")]
    [InlineData("begeleiding")]
    [InlineData("begeleiding strategie")]
    [InlineData("leerlingenbegeleiding")]
    public void Compound_parts_find_the_compound(string query)
    {
        Assert.Contains("begeleidingsstrategieen", _search.Slugs(query));
    }

    [Fact]
    public void Title_matches_rank_above_body_matches()
    {
        var slugs = _search.Slugs("beroepsgeheim");
        Assert.True(slugs.IndexOf("beroepsgeheim-titel") < slugs.IndexOf("verslag-werking"), string.Join(", ", slugs));
    }

    [Fact]
    public void The_exact_phrase_ranks_above_scattered_words()
    {
        var slugs = _search.Search("ouderlijk gezag").Hits.Where(h => h.MatchesAllWords).Select(h => h.Slug);
        Assert.Equal(["gezag-exact", "gezag-verspreid"], slugs);
    }

    [Fact]
    public void A_FAQ_question_that_answers_the_query_is_nested_in_its_material_hit_with_its_anchor()
    {
        var result = _search.Search("hoe lang duurt een traject");
        var hit = result.Hits[0];

        Assert.Equal("faq-leersteun", hit.Slug);
        Assert.Equal("/materials/faq-leersteun", hit.Url);
        Assert.Equal("FAQ decreet leersteun", hit.Title);
        var question = hit.Questions[0];
        Assert.Equal("Hoe lang duurt een traject?", question.Question);
        Assert.Equal("hoe-lang-duurt-een-traject", question.Anchor);
        Assert.Equal("/materials/faq-leersteun#hoe-lang-duurt-een-traject", question.Url);
        Assert.Single(result.Hits, h => h.Slug == "faq-leersteun");
    }

    [Fact]
    public void Snippets_mark_the_matched_words_as_written()
    {
        var hit = _search.Search("strategie").Hits.Single(h => h.Slug == "begeleidingsstrategieen");
        Assert.Contains("<mark>begeleidingsstrategieën</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_query_browses_materials_only_and_sorts_by_update()
    {
        var result = _search.Search("", refine: r => r with { Sort = SearchSort.Updated });

        Assert.All(result.Hits, h => Assert.Empty(h.Questions));
        Assert.Equal(["faq-leersteun", "visie-diagnostiek", "leidraad-intake-hgd"], result.Hits.Take(3).Select(h => h.Slug));
    }

    [Fact]
    public void Pages_split_the_result_set()
    {
        var all = _search.Search(null).Hits.Select(h => h.Slug).ToList();
        var second = _search.Search(null, refine: r => r with { Page = 2, PageSize = 3 });

        Assert.Equal(all.Skip(3).Take(3), second.Hits.Select(h => h.Slug));
        Assert.Equal(all.Count, second.Total);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("(((")]
    [InlineData("AND OR NOT")]
    [InlineData("*?~^ \\ / :")]
    [InlineData("title:intake [a TO b] {x}")]
    [InlineData("\"ouderlijk gezag")]
    [InlineData("-intake +HGD")]
    public void Any_string_is_searched_as_text(string query)
    {
        var result = _search.Search(query);
        Assert.True(result.Total >= 0);
    }

    [Fact]
    public void A_quoted_phrase_must_stand_together()
    {
        Assert.Equal(["gezag-exact"], _search.Slugs("\"ouderlijk gezag\""));
    }
}
