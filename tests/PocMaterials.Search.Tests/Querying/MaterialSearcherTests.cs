using PocMaterials.Search.Querying;
using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

public sealed class MaterialSearcherTests : IDisposable
{
    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    internal static void Write(ContentFolder folder)
    {
        folder.WriteMaterial("leidraad-intake-hgd", "title: Leidraad intake binnen HGD\ntype: leidraad\ncore_processes: [handelingsgerichte-diagnostiek]\nupdated: 2025-01-10",
            "De intake is de eerste fase van een HGD-traject. Zo verloopt de intake.");
        folder.WriteMaterial("visie-diagnostiek", "title: Visie op diagnostiek\ntype: leidraad\nupdated: 2026-05-01",
            "Wij werken volgens handelingsgerichte diagnostiek in elk team.");
        folder.WriteMaterial("begeleidingsstrategieen", "title: Aanpak bij leerstoornissen\ntype: fiche\nupdated: 2024-03-01",
            "Dit document bundelt begeleidingsstrategieën voor de leerlingenbegeleiding op school.");
        folder.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nthemes: [decreet-leersteun]\ndomains: [leren-en-studeren]\nupdated: 2026-09-01",
            "Intro.\n\n## Wie vraagt leersteun aan?\nDe school vraagt leersteun aan bij het leersteuncentrum.\n\n## Hoe lang duurt een traject?\nMeestal loopt het een schooljaar.\n");
        folder.WriteMaterial("vaccinatie-procedure", "title: Procedure vaccinatie\ntype: fiche\nroles: [arts, verpleegkundige]\ndomains: [preventieve-gezondheidszorg]",
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
    public void Filters_are_OR_within_a_dimension_and_AND_across()
    {
        var fiches = _search.Search(null, refine: r => r with { Types = ["fiche"] });
        var both = _search.Search(null, refine: r => r with { Types = ["fiche", "faq"] });
        var faqInDomain = _search.Search(null, refine: r => r with { Types = ["fiche", "faq"], Domains = ["leren-en-studeren"] });

        Assert.All(fiches.Hits, h => Assert.Equal("fiche", h.Type));
        Assert.Equal(fiches.Total + 1, both.Total); // plus the one visible FAQ list
        Assert.Equal(["faq-leersteun"], faqInDomain.Hits.Select(h => h.Slug));
    }

    [Fact]
    public void Facets_count_the_filtered_result_set_with_labels()
    {
        var result = _search.Search(null);

        Assert.Equal(result.Total, result.Facets["type"].Sum(f => f.Count));
        var leidraad = result.Facets["type"].Single(f => f.Id == "leidraad");
        Assert.Equal(("Leidraad", 2), (leidraad.Label, leidraad.Count)); // not the directors' or the scheduled one
        Assert.Equal("Decreet leersteun", result.Facets["theme"].Single(f => f.Id == "decreet-leersteun").Label);

        var filtered = _search.Search(null, refine: r => r with { Types = ["faq"] });
        Assert.Equal(1, filtered.Total);
        Assert.Equal([("decreet-leersteun", 1)], filtered.Facets["theme"].Select(f => (f.Id, f.Count)));
    }

    [Fact]
    public void A_filtered_dimension_counts_as_if_it_were_not_filtered_and_the_others_count_with_every_filter()
    {
        static IEnumerable<(string, int)> Counts(MaterialSearchResult result, string dimension) => result.Facets[dimension].Select(f => (f.Id, f.Count));
        var arts = Staff("arts");
        var both = _search.Search(null, arts, r => r with { Types = ["fiche"], Domains = ["leren-en-studeren"] });
        var onlyDomain = _search.Search(null, arts, r => r with { Domains = ["leren-en-studeren"] });
        var onlyType = _search.Search(null, arts, r => r with { Types = ["fiche"] });

        // No fiche in that domain, yet each filter shows what choosing otherwise in it would bring.
        Assert.Equal(0, both.Total);
        Assert.Equal(Counts(onlyDomain, "type"), Counts(both, "type"));
        Assert.Equal(Counts(onlyType, "domain"), Counts(both, "domain"));
        Assert.Equal([("faq", 1)], Counts(both, "type"));
        Assert.Equal([("preventieve-gezondheidszorg", 1)], Counts(both, "domain"));
        // Counted among what the viewer may see only: the doctors' procedure is no count for staff.
        Assert.Empty(_search.Search(null, refine: r => r with { Types = ["fiche"], Domains = ["leren-en-studeren"] }).Facets["domain"]);
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

    [Fact]
    public void A_typo_finds_the_word_and_suggests_it()
    {
        var result = _search.Search("beroepsgeheym");

        Assert.Equal("beroepsgeheim", result.DidYouMean);
        Assert.Contains("beroepsgeheim-titel", result.Hits.Select(h => h.Slug));
        Assert.Contains("<mark>beroepsgeheim</mark>", result.Hits.Single(h => h.Slug == "verslag-werking").Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_words_get_no_suggestion()
    {
        Assert.Null(_search.Search("beroepsgeheim").DidYouMean);
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

    [Fact]
    public void Restricted_materials_are_invisible_to_other_roles_everywhere()
    {
        var staff = Staff();
        var tuberculine = _search.Search("tuberculinetest", staff);
        Assert.Equal(0, tuberculine.Total);
        Assert.All(tuberculine.Facets.Values, values => Assert.Empty(values));
        Assert.Null(tuberculine.DidYouMean);
        Assert.Null(_search.Search("tuberculinetes", staff).DidYouMean);

        // "vaccinatie" is only in materials for doctors, nurses and directors.
        var vaccination = _search.Search("vaccinatie", staff);
        Assert.Equal(0, vaccination.Total);
        Assert.Null(vaccination.DidYouMean);

        var browse = _search.Search(null, staff);
        Assert.DoesNotContain(browse.Hits, h => h.Slug is "vaccinatie-procedure" or "personeelsbeleid" or "ontwerp-huisonderwijs" or "gepland");
        Assert.DoesNotContain(browse.Facets["domain"], f => f.Id == "preventieve-gezondheidszorg");
    }

    [Fact]
    public void A_role_sees_its_own_materials_and_typos_are_corrected_within_them()
    {
        var nurse = Staff("verpleegkundige");
        Assert.Equal(["vaccinatie-procedure"], _search.Slugs("tuberculinetest", nurse));
        Assert.Equal("tuberculinetest", _search.Search("tuberculinetes", nurse).DidYouMean);
        Assert.Equal(["vaccinatie-procedure"], _search.Slugs("vaccinaties", nurse));
        Assert.Empty(_search.Slugs("personeelsformatie", nurse));
        Assert.Equal(["personeelsbeleid"], _search.Slugs("personeelsformatie", Staff("directeur")));
    }

    [Fact]
    public void Drafts_and_scheduled_materials_are_found_by_editors_only()
    {
        Assert.Empty(_search.Slugs("huisonderwijsattest", Staff("arts", "directeur")));
        Assert.Empty(_search.Slugs("inwerkingstraject"));
        Assert.Equal(["ontwerp-huisonderwijs"], _search.Slugs("huisonderwijsattest", Staff("redacteur")));
        Assert.Equal(["gepland"], _search.Slugs("inwerkingstraject", Staff("redacteur")));
        Assert.Equal(["vaccinatie-procedure"], _search.Slugs("tuberculinetest", Staff("redacteur")));
    }

    [Fact]
    public void A_scheduled_material_appears_on_its_publication_day_in_Brussels()
    {
        var onTheDay = _search.Searcher.Search(new MaterialSearchRequest { Query = "inwerkingstraject" }, Staff(), new DateOnly(2027, 3, 1));
        var dayBefore = _search.Searcher.Search(new MaterialSearchRequest { Query = "inwerkingstraject" }, Staff(), new DateOnly(2027, 2, 28));

        Assert.Equal(1, onTheDay.Total);
        Assert.Equal(0, dayBefore.Total);
    }
}
