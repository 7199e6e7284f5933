using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Statistics;

namespace PocMaterials.Search.Tests.LuceneModules.Statistics;

/// <summary>Ranking statistics counted within a filter: document frequencies, shared across fields, and field lengths.</summary>
public sealed class FilteredStatisticsSearcherTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public FilteredStatisticsSearcherTests()
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48));
        using (var writer = new IndexWriter(_directory, config))
        {
            // (visible, title, body): bodies of 1, 4 and 16 words, lengths a norm holds exactly.
            foreach (var (visible, title, body) in new[]
            {
                ("yes", "leerling", "leerling"),
                ("yes", "insuline", "school klas ouders les"),
                ("yes", "verslag", string.Join(' ', Enumerable.Repeat("leerling", 16))),
                ("no", "leerling", string.Join(' ', Enumerable.Repeat("verborgen", 16))),
            })
            {
                writer.AddDocument(new Document
                {
                    new StringField("visible", visible, Field.Store.NO),
                    new TextField("title", title, Field.Store.NO),
                    new TextField("body", body, Field.Store.NO),
                });
            }
        }
        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private FilteredStatisticsSearcher Searcher(IEnumerable<string>? sharedFields = null) =>
        new(_reader, new QueryWrapperFilter(new TermQuery(new Term("visible", "yes"))), sharedFields);

    private static long DocFreq(IndexSearcher searcher, string field, string text)
    {
        var term = new Term(field, text);
        return searcher.TermStatistics(term, TermContext.Build(searcher.TopReaderContext, term)).DocFreq;
    }

    [Fact]
    public void A_word_of_a_shared_field_has_its_highest_document_frequency_in_any_of_them()
    {
        var shared = Searcher(["title", "body"]);

        // In one visible title but two visible bodies: as common in titles as in bodies.
        Assert.Equal(2, DocFreq(shared, "title", "leerling"));
        Assert.Equal(2, DocFreq(shared, "body", "leerling"));
        Assert.Equal(1, DocFreq(shared, "title", "insuline"));
    }

    [Fact]
    public void Without_shared_fields_each_field_counts_its_own_visible_documents()
    {
        var searcher = Searcher();

        Assert.Equal(1, DocFreq(searcher, "title", "leerling"));
        Assert.Equal(1, searcher.DocFreq(new Term("title", "leerling")));
        // The invisible document's words count nowhere.
        Assert.Equal(0, DocFreq(searcher, "body", "verborgen"));
    }

    [Fact]
    public void A_fields_total_length_counts_the_visible_documents_only()
    {
        var statistics = Searcher().CollectionStatistics("body");

        Assert.Equal(3, statistics.MaxDoc);
        Assert.Equal(1 + 4 + 16, statistics.SumTotalTermFreq);
    }
}
