using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>Search-as-you-type: titles, questions, themes and acronyms, only what the caller may see.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly SearchFixture _search = new(folder =>
    {
        MaterialSearcherTests.Write(folder);
        for (var i = 0; i < 12; i++)
            folder.WriteMaterial($"vaccin-{i}", $"title: Vaccinatieschema {i}\ntype: fiche", "Tekst.");
    });

    public void Dispose() => _search.Dispose();

    private List<string> Texts(string typed, params string[] roles) =>
        _search.Searcher.Complete(typed, Staff(roles.Length == 0 ? ["clb-medewerker"] : roles), Today).Select(c => c.Text).ToList();

    [Fact]
    public void A_prefix_completes_titles_and_FAQ_questions()
    {
        Assert.Contains("Leidraad intake binnen HGD", Texts("leidr"));
        var question = _search.Searcher.Complete("hoe lang", Staff("clb-medewerker"), Today).Single(c => c.Kind == "question");
        Assert.Equal(("Hoe lang duurt een traject?", "/materials/faq-leersteun#hoe-lang-duurt-een-traject"), (question.Text, question.Url));
    }

    [Fact]
    public void An_acronym_comes_with_its_long_form()
    {
        var hgd = _search.Searcher.Complete("hg", Staff("clb-medewerker"), Today)[0];
        Assert.Equal(("HGD", "acronym", "Handelingsgerichte diagnostiek"), (hgd.Text, hgd.Kind, hgd.Detail));
    }

    [Fact]
    public void Titles_of_materials_the_caller_may_not_see_are_not_offered()
    {
        Assert.DoesNotContain("Procedure vaccinatie", Texts("procedure vac"));
        Assert.Contains("Procedure vaccinatie", Texts("procedure vac", "arts"));
        Assert.DoesNotContain("Personeelsbeleid", Texts("person"));
        Assert.DoesNotContain("Aanvangsbegeleiding", Texts("aanvang")); // scheduled
        Assert.DoesNotContain("Wat is een huisonderwijsattest?", Texts("huisonderwijsattest")); // draft
    }

    [Fact]
    public void At_most_eight_completions_are_offered() => Assert.Equal(8, Texts("vaccinatiesch").Count);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"((*:?")]
    [InlineData("🙂🙂")]
    [InlineData("مرحبا")]
    public void Input_without_words_completes_to_nothing(string typed) => Assert.Empty(Texts(typed));

    [Fact]
    public void A_long_repeated_word_is_answered() =>
        Assert.Empty(Texts(string.Join(' ', Enumerable.Repeat("zzzz", 100))));
}
