using PocMaterials.Search.Analysis;
using PocMaterials.Search.Querying;

namespace PocMaterials.Search.Tests;

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
    [InlineData("leerling", "leerlingen")]
    public void Singular_and_plural_meet(string singular, string plural) => Assert.Equal(Stem(singular), Stem(plural));

    [Theory]
    [InlineData("leerlingenbegeleiding", "begeleiding")]
    [InlineData("leerlingenbegeleiding", "leerling")]
    [InlineData("begeleidingsstrategieën", "strategie")]
    [InlineData("begeleidingsstrategieën", "begeleiding")]
    [InlineData("samenwerkingsafspraken", "afspraak")]
    [InlineData("ontwikkelingsachterstand", "achterstand")]
    public void Compounds_contain_their_parts(string compound, string part)
    {
        var terms = Terms(compound);
        Assert.Contains(Stem(part), terms);
        Assert.Equal(terms[0], Stem(compound)); // the whole word stays first
    }

    [Fact]
    public void Stop_words_are_dropped() => Assert.Empty(Terms("de het een en van"));

    [Fact]
    public void A_word_with_one_known_part_is_not_split_as_a_compound()
    {
        // "beroepsgeheym" (a typo) contains "beroep", but one part is no compound for the query builder.
        Assert.Contains(Stem("beroep"), Terms("beroepsgeheym"));
    }
}
