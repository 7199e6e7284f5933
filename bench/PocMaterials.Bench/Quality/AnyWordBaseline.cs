using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Bench.Quality;

/// <summary>
/// The yardstick: what a plain Lucene setup gives on the same content. One document per material
/// (title, summary, tags, questions and body as one field), StandardAnalyzer, BM25, and any typed
/// word may match. Results are limited to what the role may see, as the engine's are.
/// </summary>
internal sealed class AnyWordBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly StandardAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly ContentSnapshot _content;

    public AnyWordBaseline(ContentSnapshot content)
    {
        _content = content;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var material in content.Materials.Values)
            {
                var text = string.Join("\n", [material.Title, material.Summary, string.Join(" ", material.Tags),
                    .. material.Questions.Select(q => q.Question), material.BodyText]);
                writer.AddDocument(new Document
                {
                    new StringField("slug", material.Slug, Field.Store.YES),
                    new TextField("text", text, Field.Store.NO),
                });
            }
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<string> Rank(string query, StaffMember viewer, DateOnly today, int depth)
    {
        var any = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", query))
        {
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                any.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            stream.End();
        }
        if (any.Clauses.Count == 0)
            return [];
        return _searcher.Search(any, _reader.MaxDoc).ScoreDocs
            .Select(hit => _searcher.Doc(hit.Doc).Get("slug"))
            .Where(slug => _content.Materials[slug].IsVisibleTo(viewer, today))
            .Take(depth)
            .ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
