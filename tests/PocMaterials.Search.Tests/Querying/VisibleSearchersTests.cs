using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;

namespace PocMaterials.Search.Tests.Querying;

/// <summary>Searchers per reader and visibility filter, and the filters a new reader is prepared for.</summary>
public sealed class VisibleSearchersTests : IDisposable
{
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;

    public VisibleSearchersTests()
    {
        var analyzer = new WhitespaceAnalyzer(LuceneVersion.LUCENE_48);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer));
        Add("arts", "vaccinatie");
    }

    public void Dispose()
    {
        _writer.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void A_new_reader_is_prepared_for_the_filters_searched_with_lately()
    {
        var clock = new Clock();
        var searchers = new VisibleSearchers(clock);
        var doctors = Role("arts");
        var staff = Role("clb-medewerker");
        using var first = DirectoryReader.Open(_writer, applyAllDeletes: true);
        searchers.For(first, doctors);
        searchers.For(first, staff);

        Add("clb-medewerker", "vaccinatie");
        using var second = DirectoryReader.OpenIfChanged(first, _writer, applyAllDeletes: true);
        Assert.NotNull(second);
        Assert.Equivalent(new[] { doctors, staff }, searchers.Prepare(second), strict: true);
        Assert.Equal(1, searchers.For(second, doctors).DocFreq(new Term(IndexFields.Body, "vaccinatie")));

        // Staff have not searched for longer than Lately: their filter is no longer prepared for.
        clock.Now += VisibleSearchers.Lately + TimeSpan.FromMinutes(1);
        searchers.For(second, doctors);
        Add("arts", "griep");
        using var third = DirectoryReader.OpenIfChanged(second, _writer, applyAllDeletes: true);
        Assert.NotNull(third);
        Assert.Equivalent(new[] { doctors }, searchers.Prepare(third), strict: true);
    }

    private sealed class Clock : TimeProvider
    {
        public TimeSpan Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now.Ticks;
    }

    private static Filter Role(string role) => new QueryWrapperFilter(new TermQuery(new Term(IndexFields.Role, role)));

    private void Add(string role, string body) =>
        _writer.AddDocument(new Document
        {
            new StringField(IndexFields.Role, role, Field.Store.NO),
            new TextField(IndexFields.Body, body, Field.Store.NO),
        });
}
