extern alias engine;
using engine::PocMaterials.Search.Analysis;
using engine::PocMaterials.Search.Indexing;
using engine::PocMaterials.Search.Querying;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Learning;
using PocMaterials.Testing;

namespace PocMaterials.Reach.Tests.Learning;

/// <summary>
/// Which term a learned word is proposed for: the one naming what the opened material is about, not its kind of
/// document, sharing the most words with the query that found it (a compound once), naming the fewest materials.
/// Words and searches are the real search engine's, over a real index of the fixture content.
/// </summary>
public sealed class AliasRankerTests : IClassFixture<AliasRankerTests.Bank>
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private readonly Bank _bank;

    public AliasRankerTests(Bank bank) => _bank = bank;

    /// <summary>Three staff searched the word, found nothing, and opened the material from the query that found it.</summary>
    private ProposedAlias Proposal(string word, string slug, string foundWith)
    {
        var evidence = Enumerable.Range(1, 3)
            .Select(viewer => new EvidenceRow(word, slug, foundWith, viewer, ["clb-medewerker"], 1)).ToList();
        var ranker = new AliasRanker(_bank.Words, new SearchLearningOptions());
        return Assert.Single(ranker.Rank(evidence, _bank.Content, Today, new HashSet<(string, string)>()));
    }

    [Fact]
    public void A_word_is_proposed_for_what_the_material_is_about_not_for_its_kind_of_document()
    {
        // "beslisboom" shares three search keys with the type (beslisboom, beslis, boom), but is one word; and a
        // situation staff describe names a subject, not a form.
        var proposal = Proposal("kind geslagen", "beslisboom-verontrusting", "beslisboom verontrusting");

        Assert.Equal(("verontrusting", "begrip"), (proposal.Target, proposal.TargetKind));
    }

    [Fact]
    public void Between_terms_sharing_as_many_words_the_one_naming_fewer_materials_wins()
    {
        // The glossary's "jeugdrecht" is named by three materials, the theme Jeugdrecht is given to one.
        var proposal = Proposal("jongeren die stelen", "dossier-jeugdrecht", "jeugdrecht");

        Assert.Equal(("jeugdrecht", "thema"), (proposal.Target, proposal.TargetKind));
    }

    [Fact]
    public void A_document_type_is_the_target_when_no_subject_shares_a_word()
    {
        var proposal = Proposal("stappenplan", "beslisboom-toestemming", "beslisboom");

        Assert.Equal(("beslisboom", "type"), (proposal.Target, proposal.TargetKind));
    }

    /// <summary>The fixture content, its index and the engine's reading of words and searches.</summary>
    public sealed class Bank : IDisposable
    {
        private const string Types = """
            types:
              - id: beslisboom
                label: Beslisboom
              - id: dossier
                label: Dossier

            """;

        private const string Glossary = """
            glossary:
              - id: verontrusting
                label: verontrusting
                aliases: [zorgen thuis]
              - id: jeugdrecht
                label: jeugdrecht
                aliases: [jeugddelinquentierecht]
            """;

        private readonly ContentFolder _folder = ContentFolder.WithFixture();
        private readonly ContentLibrary _library;
        private readonly MaterialIndex _index;

        public Bank()
        {
            var taxonomy = Fixture.Taxonomy[..Fixture.Taxonomy.IndexOf("glossary:", StringComparison.Ordinal)];
            _folder.Write("content/taxonomy.yml", taxonomy.Replace("types:\n", Types) + Glossary);
            _folder.Write("themes/verontrusting.md", "---\ntitle: Verontrusting\ncontact: sofie-claes\n---\nIntro.\n");
            _folder.Write("themes/jeugdrecht.md", "---\ntitle: Jeugdrecht\ncontact: sofie-claes\n---\nIntro.\n");
            _folder.WriteMaterial("beslisboom-verontrusting",
                "title: Beslisboom verontrusting\ntype: beslisboom\nthemes: [verontrusting]", "Stap voor stap beslissen.");
            _folder.WriteMaterial("beslisboom-toestemming", "title: Beslisboom toestemming\ntype: beslisboom", "Vraag het eerst.");
            _folder.WriteMaterial("dossier-jeugdrecht", "title: Dossier jeugdrecht\ntype: dossier\nthemes: [jeugdrecht, verontrusting]");
            _folder.WriteMaterial("fiche-jeugdrecht", "title: Fiche jeugdrecht op school\ntype: fiche");
            _folder.WriteMaterial("faq-jeugdrecht", "title: FAQ\ntype: faq\ntags: [jeugddelinquentierecht]");
            _library = new ContentLibrary(_folder.Location);
            var change = _library.Reload();
            Assert.Empty(change.Snapshot.Errors);
            _index = new MaterialIndex(Path.Combine(_folder.DataPath, "index"));
            _index.Rebuild(change.Snapshot);
            Words = new EngineWords(new MaterialSearcher(_index, () => _library.Current));
        }

        public ContentSnapshot Content => _library.Current;

        public IQueryWords Words { get; }

        public void Dispose()
        {
            _index.Dispose();
            _library.Dispose();
            _folder.Dispose();
        }
    }

    /// <summary>The engine's words and searches, as the host joins them for reach.</summary>
    private sealed class EngineWords(MaterialSearcher searcher) : IQueryWords
    {
        private readonly SearchWords _words = new();

        public IReadOnlyList<string> ContentWords(string query) => _words.ContentWords(query);

        public IReadOnlySet<string> Keys(string text) => _words.Keys(text);

        public IReadOnlyList<string> Top(string query, StaffMember viewer, int count) =>
            [.. searcher.Search(new MaterialSearchRequest { Query = query, PageSize = count }, viewer, Today).Hits.Select(h => h.Slug)];
    }
}
