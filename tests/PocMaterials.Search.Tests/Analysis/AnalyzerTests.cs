using PocMaterials.Search.Analysis;
using PocMaterials.Search.Querying;

namespace PocMaterials.Search.Tests.Analysis;

public sealed class AnalyzerTests
{
    private static List<string> Terms(string text)
    {
        using var analyzer = DutchAnalyzers.Text();
        return TokenText.Positions(analyzer, "body", text).SelectMany(p => p.Terms).ToList();
    }

    private static string Stem(string word) => Terms(word)[0];

    [Theory]
    [InlineData("geïntegreerde", "geintegreerde")]
    [InlineData("Oekraïne", "oekraine")]
    [InlineData("coördinator", "coordinator")]
    [InlineData("Financiële", "financiele")]
    public void Accents_and_diaeresis_are_folded(string written, string typed) => Assert.Equal(Stem(typed), Stem(written));

    [Theory]
    [InlineData("strategie", "strategieën")]
    [InlineData("vaccinatie", "vaccinaties")]
    [InlineData("kind", "kinderen")]
    [InlineData("idee", "ideeën")]
    [InlineData("foto", "foto's")]
    [InlineData("prikje", "prikjes")]
    [InlineData("pilletje", "pilletjes")]
    [InlineData("leerling", "leerlingen")]
    [InlineData("lid", "leden")]
    [InlineData("schip", "schepen")]
    [InlineData("stad", "steden")]
    [InlineData("blad", "bladeren")]
    [InlineData("centrum", "centra")]
    [InlineData("bestuurslid", "bestuursleden")]
    [InlineData("teamlid", "teamleden")]
    [InlineData("leersteuncentrum", "leersteuncentra")]
    public void Singular_and_plural_meet(string singular, string plural) => Assert.Equal(Stem(singular), Stem(plural));

    [Theory]
    [InlineData("leerlingenbegeleiding", "begeleiding")]
    [InlineData("leerlingenbegeleiding", "leerling")]
    [InlineData("begeleidingsstrategieën", "strategie")]
    [InlineData("begeleidingsstrategieën", "begeleiding")]
    [InlineData("samenwerkingsafspraken", "afspraak")]
    [InlineData("ontwikkelingsachterstand", "achterstand")]
    [InlineData("leerachterstand", "achterstand")]
    [InlineData("gezichtsscherpte", "scherpte")]
    [InlineData("beroepsgeheim", "geheim")]
    [InlineData("toestemmingsformulier", "formulier")]
    public void Compounds_contain_their_parts(string compound, string part)
    {
        var terms = Terms(compound);
        Assert.Contains(Stem(part), terms);
        Assert.Equal(terms[0], Stem(compound)); // the whole word stays first
    }

    [Fact]
    public void Stop_words_are_dropped() => Assert.Empty(Terms("de het een en van"));

    [Theory]
    [InlineData("leerling")] // leer + ling: -ling makes a derived word
    [InlineData("leerlingen")]
    [InlineData("onderwijs")] // onder + wijs: a particle in front is no compound
    [InlineData("samenwerking")]
    [InlineData("beroepsgeheym")] // a typo: only one part is a word
    [InlineData("mogelijkheden")]
    [InlineData("jongeren")] // jong + eren: an ending
    [InlineData("volgende")]
    [InlineData("scheiding")]
    public void A_word_is_not_split_on_accidental_substrings(string word) => Assert.Single(Terms(word));

    [Theory]
    [InlineData("verleden", "verlid")]
    [InlineData("overleden", "overlid")]
    public void A_word_that_only_ends_like_an_irregular_plural_keeps_its_form(string word, string wrong) =>
        Assert.NotEqual(Stem(wrong), Stem(word));

    [Fact]
    public void A_very_long_token_is_analysed_without_splitting()
    {
        var word = string.Concat(Enumerable.Repeat("kind", 60));
        Assert.Single(Terms(word));
    }
}
