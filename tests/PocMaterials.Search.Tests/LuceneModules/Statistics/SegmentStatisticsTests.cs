using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Statistics;

namespace PocMaterials.Search.Tests.LuceneModules.Statistics;

/// <summary>
/// A segment's statistics within a filter are kept from one reader to the next while its live documents are the same,
/// and counted again once a deletion changes them.
/// </summary>
public sealed class SegmentStatisticsTests : IDisposable
{
    private static readonly Filter Visible = new QueryWrapperFilter(new TermQuery(new Term("visible", "yes")));

    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public SegmentStatisticsTests()
    {
        var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        Add("yes", "intake", "leerling");
        Add("yes", "verslag", "leerling leerling school klas");
        Add("no", "verborgen", "leerling");
        _writer.Commit();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void A_segment_a_publish_left_unchanged_keeps_its_statistics_for_the_next_reader()
    {
        using var first = DirectoryReader.Open(_writer, applyAllDeletes: true);
        var before = SegmentStatistics.For(first.Leaves[0], Visible);
        Assert.Equal(3, Statistics(first, "leerling").TotalTermFreq);

        Add("yes", "nieuw", "leerling");
        using var second = DirectoryReader.OpenIfChanged(first, _writer, applyAllDeletes: true);

        Assert.NotNull(second);
        Assert.Equal(2, second.Leaves.Count);
        Assert.Same(before, SegmentStatistics.For(second.Leaves[0], Visible));
        Assert.Equal(3, Statistics(second, "leerling").DocFreq);
    }

    [Fact]
    public void A_deletion_in_a_segment_is_counted_by_the_next_reader()
    {
        using var first = DirectoryReader.Open(_writer, applyAllDeletes: true);
        Assert.Equal(2, Statistics(first, "leerling").DocFreq);
        Assert.Equal(2, SegmentStatistics.For(first.Leaves[0], Visible).Count);
        Assert.Equal(5, SegmentStatistics.For(first.Leaves[0], Visible).Length("body"));

        _writer.DeleteDocuments(new Term("title", "verslag"));
        using var second = DirectoryReader.OpenIfChanged(first, _writer, applyAllDeletes: true);

        Assert.NotNull(second);
        var after = SegmentStatistics.For(second.Leaves[0], Visible);
        Assert.Equal(1, after.Count);
        Assert.Equal(1, after.Length("body"));
        Assert.Equal(1, Statistics(second, "leerling").DocFreq);
        Assert.Equal(1, Statistics(second, "leerling").TotalTermFreq);
    }

    private static TermStatistics Statistics(IndexReader reader, string word)
    {
        long docFreq = 0, totalTermFreq = 0;
        foreach (var leaf in reader.Leaves)
        {
            var statistics = SegmentStatistics.For(leaf, Visible).Statistics(new Term("body", word));
            docFreq += statistics.DocFreq;
            totalTermFreq += statistics.TotalTermFreq;
        }
        return new TermStatistics(new BytesRef(word), docFreq, totalTermFreq);
    }

    private void Add(string visible, string title, string body) =>
        _writer.AddDocument(new Document
        {
            new StringField("visible", visible, Field.Store.NO),
            new StringField("title", title, Field.Store.NO),
            new TextField("body", body, Field.Store.NO),
        });
}
