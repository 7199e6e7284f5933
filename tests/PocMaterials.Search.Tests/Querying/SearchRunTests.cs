using PocMaterials.Search.Querying;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>Filters and facet counts: OR within a dimension, AND across, each dimension counted as if it were not filtered.</summary>
public sealed class SearchRunTests : IDisposable
{
    private readonly SearchFixture _search = new(MaterialSearcherTests.Write);

    public void Dispose() => _search.Dispose();

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
        static IEnumerable<(string, int)> Counts(MaterialSearchResult result, string dimension) =>
            result.Facets[dimension].Select(f => (f.Id, f.Count));
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

    [Theory]
    [InlineData(null)]
    [InlineData("leersteun")]
    [InlineData("leersteun begeleiding")]
    public void Each_of_three_filtered_dimensions_counts_as_the_search_filtered_by_the_other_two(string? query)
    {
        static MaterialSearchRequest Filtered(MaterialSearchRequest r, bool type, bool domain, bool theme) => r with
        {
            Types = type ? ["faq", "leidraad"] : [],
            Domains = domain ? ["leren-en-studeren"] : [],
            Themes = theme ? ["decreet-leersteun"] : [],
        };
        static IEnumerable<(string, int)> Counts(MaterialSearchResult result, string dimension) =>
            result.Facets[dimension].Select(f => (f.Id, f.Count));

        var all = _search.Search(query, refine: r => Filtered(r, true, true, true));

        var withoutType = _search.Search(query, refine: r => Filtered(r, false, true, true));
        var withoutDomain = _search.Search(query, refine: r => Filtered(r, true, false, true));
        var withoutTheme = _search.Search(query, refine: r => Filtered(r, true, true, false));
        Assert.Equal(Counts(withoutType, "type"), Counts(all, "type"));
        Assert.Equal(Counts(withoutDomain, "domain"), Counts(all, "domain"));
        Assert.Equal(Counts(withoutTheme, "theme"), Counts(all, "theme"));
        Assert.NotEmpty(all.Facets["type"].Concat(all.Facets["domain"]).Concat(all.Facets["theme"]));
    }
}
