using PocMaterials.Search.Querying;
using PocMaterials.Testing;
using static PocMaterials.Search.Tests.SearchFixture;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>
/// The glossary as a thesaurus: the words staff say in the school corridor find the official terms the
/// materials use, in any inflected form, without chaining sets together or losing what the words found alone.
/// </summary>
public sealed class ThesaurusTests : IDisposable
{
    private const string Glossary = """
        glossary:
          - id: lsc
            label: leersteuncentrum
            aliases: [LSC]
          - id: problematische-afwezigheid
            label: problematische afwezigheid
            aliases: [spijbelen, brossen]
          - id: vaccinatie
            label: vaccinatie
            aliases: [inenting, prikje]
          - id: kindermishandeling
            label: kindermishandeling
            aliases: [blauwe plekken]
          - id: informatiedeling
            label: informatiedeling
            aliases: [informatie delen, privacy]
          - id: redelijke-aanpassingen
            label: redelijke aanpassingen
            aliases: [STICORDI]
          - id: leerlingenbegeleiding
            label: leerlingenbegeleiding
            aliases: [zorgteam]
        """;

    private readonly SearchFixture _search = new(folder =>
    {
        var withoutGlossary = Fixture.Taxonomy[..Fixture.Taxonomy.IndexOf("glossary:", StringComparison.Ordinal)];
        folder.Write("content/taxonomy.yml", withoutGlossary + Glossary);
        folder.Write("themes/verontrusting.md",
            "---\ntitle: Verontrusting\naliases: [kindermishandeling, jeugddelinquentie]\ncontact: sofie-claes\n---\nIntro.\n");
        folder.WriteMaterial("afwezigheden", "title: Aanpak van afwezigheden\ntype: fiche",
            "Wat het CLB doet bij problematische afwezigheid van een leerling.");
        folder.WriteMaterial("vaccinatie", "title: Procedure op school\ntype: fiche", "Zo verloopt een vaccinatie in de klas.");
        folder.WriteMaterial("mishandeling", "title: Signalen thuis\ntype: fiche", "Wat te doen bij een vermoeden van kindermishandeling.");
        folder.WriteMaterial("jeugdrecht", "title: Jeugdrecht\ntype: fiche", "Over jeugddelinquentie en de jeugdrechter.");
        folder.WriteMaterial("toestemming", "title: Toestemming om informatie te delen\ntype: fiche\ntags: [informatiedeling]",
            "Vraag toestemming voor je iets doorgeeft aan de school.");
        folder.WriteMaterial("sticordi", "title: Maatregelen in de klas\ntype: fiche\ntags: [STICORDI]",
            "Een overzicht van de STICORDI-maatregelen.");
        folder.WriteMaterial("aanpassingen", "title: Aanpassingen in de klas\ntype: fiche\ntags: [redelijke aanpassingen]",
            "Redelijke aanpassingen zijn een recht. Over redelijke aanpassingen beslist de school in overleg.");
        folder.WriteMaterial("zorg-en-team", "title: Teamwerk\ntype: fiche", "Over de zorg voor het team.");
        folder.WriteMaterial("gezinsbezoek", "title: Gezinsbezoek\ntype: fiche",
            "Een bezoek aan huis bij het gezin: wie er meegaat, hoe je het aankondigt en wat je nadien noteert in het dossier.");
    });

    public void Dispose() => _search.Dispose();

    [Theory]
    [InlineData("spijbelen")]
    [InlineData("brossen")]
    [InlineData("leerling spijbelen")]
    public void An_everyday_word_finds_the_official_term_of_several_words(string query)
    {
        Assert.Equal("afwezigheden", _search.Search(query).Hits[0].Slug);
    }

    [Theory]
    [InlineData("inentingen")] // the alias is "inenting"
    [InlineData("prikjes")]
    [InlineData("vaccinaties")]
    public void A_member_is_known_in_its_inflected_forms(string query)
    {
        Assert.Equal(["vaccinatie"], _search.Slugs(query));
    }

    [Fact]
    public void Sets_that_share_a_member_are_not_merged()
    {
        // "kindermishandeling" is in the theme's set and in the glossary's: it finds both.
        Assert.Equal(["jeugdrecht", "mishandeling"], _search.Slugs("kindermishandeling").Order());
        // "blauwe plekken" finds the official term, not every other alias of the theme.
        Assert.Equal(["mishandeling"], _search.Slugs("blauwe plekken"));
    }

    [Fact]
    public void Words_that_are_an_alias_still_find_what_they_found_as_words()
    {
        // "informatie delen" is an alias; the title says "informatie te delen": the words as typed still match, apart.
        var hit = _search.Search("informatie delen").Hits.Single(h => h.Slug == "toestemming");
        Assert.True(hit.MatchesAllWords);
        // A synonym is matched in the tags, where editors name the official term.
        Assert.Equal(["toestemming"], _search.Slugs("privacy"));
    }

    [Fact]
    public void A_synonym_is_matched_whole_while_a_word_as_typed_is_also_split()
    {
        // Typed, "zorgteam" is a compound whose parts find "zorg" and "team"; as a synonym it means the term itself.
        Assert.Equal(["zorg-en-team"], _search.Slugs("zorgteam"));
        Assert.Empty(_search.Slugs("leerlingenbegeleiding"));
    }

    [Fact]
    public void The_word_as_typed_ranks_above_a_synonym_of_several_words()
    {
        Assert.Equal(["sticordi", "aanpassingen"], _search.Slugs("STICORDI"));
        Assert.Equal(["aanpassingen", "sticordi"], _search.Slugs("redelijke aanpassingen"));
    }

    [Fact]
    public void Everyday_words_no_material_holds_count_by_their_synonyms_as_much_as_a_word_typed()
    {
        // No material says "blauwe plekken": its official term is the only clue it gives, and it outweighs "huis" found in a
        // longer text; at half weight, as a synonym where the words as typed are held, it would not.
        Assert.Equal("mishandeling", _search.Slugs("blauwe plekken huis")[0]);
        // Where the words as typed are held, they still rank above their synonyms.
        Assert.Equal(["sticordi", "aanpassingen"], _search.Slugs("STICORDI"));
    }

    [Fact]
    public void Search_as_you_type_offers_the_acronyms_not_the_everyday_words()
    {
        var completions = _search.Searcher.Complete("prik", Staff("clb-medewerker"), Today);
        Assert.DoesNotContain(completions, c => c.Kind == "acronym");
        Assert.Contains(_search.Searcher.Complete("lsc", Staff("clb-medewerker"), Today), c => c is { Text: "LSC", Kind: "acronym" });
    }

    [Theory]
    [InlineData("HGD", true)]
    [InlineData("BuO", true)]
    [InlineData("5BP", true)]
    [InlineData("Dir/Coo", true)]
    [InlineData("STICORDI", true)]
    [InlineData("spijbelen", false)]
    [InlineData("B-attest", false)]
    [InlineData("IQ-test", false)]
    [InlineData("Dafalgan", false)]
    [InlineData("blauwe plekken", false)]
    public void An_acronym_is_one_word_of_capitals(string alias, bool acronym)
    {
        Assert.Equal(acronym, MaterialCompletions.IsAcronym(alias));
    }
}
