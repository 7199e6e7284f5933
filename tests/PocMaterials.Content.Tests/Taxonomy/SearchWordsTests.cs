using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Content.Tests.Taxonomy;

/// <summary>The words the material form finds a term by: its aliases and the acronyms of the long forms it names.</summary>
public sealed class SearchWordsTests
{
    private static readonly TaxonomyTerm[] Glossary =
    [
        new("lsc", "leersteuncentrum", ["LSC"]),
        new("drm", "decreet rechtspositie minderjarige", ["DRM"]),
        new("hgd", "handelingsgerichte diagnostiek", ["HGD"]),
    ];

    [Theory]
    [InlineData("Samenwerken met het leersteuncentrum", "", "LSC")]
    [InlineData("Beroepsgeheim", "beroepsgeheim|Decreet Rechtspositie Minderjarige", "Decreet Rechtspositie Minderjarige|DRM")]
    [InlineData("Handelingsgerichte diagnostiek", "HGD", "HGD")]
    [InlineData("Leersteuncentra", "", "")]
    [InlineData("LSC", "", "")]
    public void A_term_is_found_by_its_aliases_and_the_acronyms_of_the_long_forms_it_names(string label, string aliases, string words)
    {
        var found = SearchWords.For(label, aliases.Split('|', StringSplitOptions.RemoveEmptyEntries), Glossary);

        Assert.Equal(words.Split('|', StringSplitOptions.RemoveEmptyEntries), found);
    }
}
