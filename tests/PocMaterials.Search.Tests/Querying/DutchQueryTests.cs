using PocMaterials.Testing;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>Queries read as Dutch: compounds typed apart, separable verbs, irregular plurals and question words.</summary>
public sealed class DutchQueryTests : IDisposable
{
    private readonly SearchFixture _search = new(Write);

    public void Dispose() => _search.Dispose();

    private static void Write(ContentFolder folder)
    {
        folder.WriteMaterial("achterstand", "title: Onderwijs bij ziekte\ntype: fiche",
            "Hoe je een leerachterstand na een lange afwezigheid beperkt.");
        folder.WriteMaterial("leren-algemeen", "title: Leren leren\ntype: fiche", "Over leren en studeren op school.");
        folder.WriteMaterial("aanmelden", "title: Handleiding toegangspoort\ntype: leidraad",
            "Zo bereid je het aanmelden van een jongere bij de toegangspoort voor.");
        folder.WriteMaterial("melden", "title: Meldpunt\ntype: fiche", "Wie iets wil melden over een jongere, belt het meldpunt.");
        folder.WriteMaterial("bestuur", "title: Het centrumbestuur\ntype: fiche",
            "De bestuursleden van het centrum komen vier keer per jaar samen.");
        folder.WriteMaterial("schepen", "title: Op excursie\ntype: fiche", "Met de klas naar de haven om de schepen te bekijken.");
        folder.WriteMaterial("vaccinaties", "title: Vaccinaties op school\ntype: fiche", "Het schema van de vaccinaties.");
        folder.WriteMaterial("welke", "title: Welke keuze\ntype: fiche", "Welke school past?");
    }

    [Theory]
    [InlineData("leer achterstand")]
    [InlineData("leerachterstand")]
    public void Words_typed_apart_that_form_a_word_find_the_compound_first(string query)
    {
        var result = _search.Search(query);
        Assert.Equal("achterstand", result.Hits[0].Slug);
        Assert.True(result.Hits[0].MatchesAllWords);
    }

    [Fact]
    public void A_separable_verb_split_over_the_question_finds_the_whole_verb() =>
        Assert.Equal("aanmelden", _search.Search("hoe meld ik een jongere aan bij de toegangspoort").Hits[0].Slug);

    [Theory]
    [InlineData("bestuurslid", "bestuursleden")]
    [InlineData("schip", "schepen")]
    [InlineData("lid", "leden")]
    public void A_plural_and_its_singular_find_the_same_materials(string singular, string plural)
    {
        Assert.NotEmpty(_search.Slugs(plural));
        Assert.Equal(_search.Slugs(plural), _search.Slugs(singular));
    }

    [Fact]
    public void Question_words_need_not_match_for_a_material_to_match_every_word()
    {
        var result = _search.Search("welke vaccinaties");
        Assert.Equal("vaccinaties", result.Hits[0].Slug);
        Assert.True(result.Hits[0].MatchesAllWords);
        Assert.False(result.Hits.Single(h => h.Slug == "welke").MatchesAllWords);
        Assert.Equal(1, result.TotalAllWords);
    }
}
