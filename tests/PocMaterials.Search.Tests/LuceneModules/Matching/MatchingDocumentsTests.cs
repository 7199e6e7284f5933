using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Matching;
using PocMaterials.Search.Querying;

namespace PocMaterials.Search.Tests.LuceneModules.Matching;

/// <summary>Documents matched without scoring, phrases by their positions, as Lucene's own scorers match them.</summary>
public sealed class MatchingDocumentsTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public MatchingDocumentsTests()
    {
        var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            // Two segments, one with a deleted document that holds every phrase.
            foreach (var body in new[] { "ouders gaan scheiden", "de ouders gaan niet scheiden", "scheiden gaan ouders", "weg" })
                Add(writer, body);
            writer.Commit();
            foreach (var body in new[] { "ouders ouders gaan gaan", "gaan ouders gaan scheiden ouders", "ouders x scheiden", "weg" })
                Add(writer, body);
            Add(writer, "verwijderd ouders gaan scheiden ouders ouders gaan ouders x scheiden");
            writer.DeleteDocuments(new Term("body", "verwijderd"));
        }
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Theory]
    [InlineData("ouders gaan")]
    [InlineData("gaan scheiden")]
    [InlineData("ouders gaan scheiden")]
    [InlineData("ouders ouders")]
    [InlineData("gaan ouders gaan")]
    [InlineData("ouders _ scheiden")]
    [InlineData("ouders onbekend")]
    public void A_phrase_matches_the_documents_Lucenes_phrase_scorer_matches(string words)
    {
        var phrase = new PhraseQuery();
        foreach (var (word, position) in words.Split(' ').Select((w, i) => (w, i)).Where(w => w.w != "_"))
            phrase.Add(new Term("body", word), position);
        var lookup = new TermLookup(_reader);
        var matching = new MatchingDocuments(lookup.Documents, lookup.Positions);

        var found = 0;
        foreach (var leaf in _reader.Leaves)
        {
            var matched = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            matching.AddTo(matched, phrase, leaf);
            var expected = new FixedBitSet(leaf.AtomicReader.MaxDoc);
            if (new QueryWrapperFilter(phrase).GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator() is { } iterator)
                expected.Or(iterator);

            Assert.Equal(Documents(expected), Documents(matched));
            found += matched.Cardinality;
        }
        Assert.Equal(new IndexSearcher(_reader).Search(phrase, 100).TotalHits, found);
    }

    [Fact]
    public void A_document_matched_already_stays_matched()
    {
        var phrase = new PhraseQuery { new Term("body", "ouders"), new Term("body", "gaan") };
        var lookup = new TermLookup(_reader);
        var leaf = _reader.Leaves[0];
        var matched = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        matched.Set(3);

        new MatchingDocuments(lookup.Documents, lookup.Positions).AddTo(matched, phrase, leaf);

        Assert.Equal([0, 1, 3], Documents(matched));
    }

    private static List<int> Documents(FixedBitSet bits) => Enumerable.Range(0, bits.Length).Where(bits.Get).ToList();

    private static void Add(IndexWriter writer, string body) =>
        writer.AddDocument(new Document { new TextField("body", body, Field.Store.NO) });
}
