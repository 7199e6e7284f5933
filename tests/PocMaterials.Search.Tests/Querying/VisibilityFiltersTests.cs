using PocMaterials.Search.Querying;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>What each role, editors and the calendar let a search find, in hits, facets and suggestions alike.</summary>
public sealed class VisibilityFiltersTests : IDisposable
{
    private readonly SearchFixture _search = new(MaterialSearcherTests.Write);

    public void Dispose() => _search.Dispose();

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
        Assert.DoesNotContain(
            browse.Hits, h => h.Slug is "vaccinatie-procedure" or "personeelsbeleid" or "ontwerp-huisonderwijs" or "gepland");
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
        var request = new MaterialSearchRequest { Query = "inwerkingstraject" };
        var onTheDay = _search.Searcher.Search(request, Staff(), new DateOnly(2027, 3, 1));
        var dayBefore = _search.Searcher.Search(request, Staff(), new DateOnly(2027, 2, 28));

        Assert.Equal(1, onTheDay.Total);
        Assert.Equal(0, dayBefore.Total);
    }
}
