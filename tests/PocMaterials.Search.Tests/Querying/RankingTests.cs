using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>
/// What decides the order: the rare words of a long description over its common ones, and the telling words a
/// material covers; a material meant for some roles stays out of every other role's results.
/// </summary>
public sealed class RankingTests : IDisposable
{
    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    private static void Write(ContentFolder folder)
    {
        // As in the bank, most materials hold the words of school life, in their titles too.
        foreach (var (slug, title) in new[]
        {
            ("leerlingen-en-ouders", "Leerling, ouders en school"), ("klassenraad", "De klassenraad op school"),
            ("lesbezoek", "Een les in de klas"), ("schoolteam", "Het schoolteam"), ("oudercontact", "Contact met ouders"),
            ("klasdoorbraak", "Werken in de klas"), ("leerlingbespreking", "De leerlingbespreking"), ("lesplanning", "Lessen plannen"),
        })
        {
            folder.WriteMaterial(slug, $"title: {title}\ntype: leidraad",
                "De school vraagt de ouders en de leerkrachten wat een leerling tijdens de les in de klas nodig heeft.");
        }
        // The one material with the word that names the problem, in its body, among the words all materials have.
        folder.WriteMaterial("medische-handelingen", "title: Medische handelingen\ntype: fiche",
            "Op school geeft een leerkracht tijdens de les in de klas een leerling geen insuline zonder afspraken met de ouders.");
        // One word of a question in a title, or three of them in a body.
        folder.WriteMaterial("hoofdluis", "title: Hoofdluis\ntype: fiche", "Een fiche om uit te delen.");
        folder.WriteMaterial("luizenbehandeling", "title: Behandeling thuis\ntype: fiche",
            "Behandel met een lotion of een shampoo en kam het haar elke dag met een netenkam.");
        // The same subject, once for every staff member and once for doctors and nurses only.
        folder.WriteMaterial("vaccinatie-algemeen", "title: Reactie na een vaccinatie\ntype: fiche",
            "Na een vaccinatie kan een reactie optreden; de school verwittigt de ouders.");
        folder.WriteMaterial("vaccinatie-procedure", "title: Procedure vaccinatie\ntype: fiche\nroles: [arts, verpleegkundige]",
            "Bij een reactie na de vaccinatie volgt de arts het protocol en noteert de reactie in het dossier.");
    }

    [Fact]
    public void A_long_description_ranks_the_material_with_its_rare_word_above_those_with_its_common_words()
    {
        var hits = _search.Slugs(
            "een leerling in mijn klas heeft diabetes en de ouders vragen of de school insuline kan geven tijdens de les");

        Assert.Equal("medische-handelingen", hits[0]);
        Assert.Contains("leerlingen-en-ouders", hits);
    }

    [Fact]
    public void A_material_covering_more_of_a_questions_rare_words_ranks_above_one_with_one_of_them_in_its_title()
    {
        var result = _search.Search("hoofdluis lotion shampoo netenkam");

        Assert.Equal(0, result.TotalAllWords);
        Assert.Equal(["luizenbehandeling", "hoofdluis"], result.Hits.Select(h => h.Slug));
    }

    [Fact]
    public void A_role_finds_the_materials_meant_for_it_and_those_for_everyone()
    {
        var result = _search.Search("reactie na vaccinatie", Staff("arts"));

        Assert.Equal(["vaccinatie-algemeen", "vaccinatie-procedure"], result.Hits.Select(h => h.Slug).Order());
        Assert.Equal(2, result.Total);
    }

    [Theory]
    [InlineData("clb-medewerker")]
    [InlineData("directeur")]
    public void A_role_never_sees_or_counts_a_material_meant_for_another(string role)
    {
        var result = _search.Search("reactie na vaccinatie", Staff(role));

        Assert.Equal(["vaccinatie-algemeen"], result.Hits.Select(h => h.Slug));
        Assert.Equal(1, result.Total);
        Assert.Equal(1, result.Facets["type"].Sum(f => f.Count));
    }
}
