using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Scoring;

namespace PocMaterials.Search.Tests.LuceneModules.Scoring;

/// <summary>Our BM25 writes the norms and gives the scores of Lucene's, with its length tables shared.</summary>
public sealed class Bm25Tests
{
    private static readonly string[] Texts =
    [
        "leerling",
        "leerling school klas",
        "de leerling en de ouders op school",
        string.Join(' ', Enumerable.Repeat("school klas leerling ouders les", 9)),
        "insuline op school",
    ];

    private static RAMDirectory Index(Similarity similarity)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = similarity,
        };
        using var writer = new IndexWriter(directory, config);
        foreach (var text in Texts)
            writer.AddDocument([new TextField("body", text, Field.Store.NO)]);
        return directory;
    }

    [Fact]
    public void Writes_the_norms_of_Lucenes_BM25()
    {
        using var ours = Index(new Bm25());
        using var lucenes = Index(new BM25Similarity());
        using var ourReader = DirectoryReader.Open(ours);
        using var luceneReader = DirectoryReader.Open(lucenes);

        var ourNorms = MultiDocValues.GetNormValues(ourReader, "body");
        var luceneNorms = MultiDocValues.GetNormValues(luceneReader, "body");
        Assert.All(Enumerable.Range(0, Texts.Length), doc => Assert.Equal(luceneNorms.Get(doc), ourNorms.Get(doc)));
    }

    [Fact]
    public void Scores_terms_and_phrases_as_Lucenes_BM25()
    {
        using var directory = Index(new Bm25());
        using var reader = DirectoryReader.Open(directory);
        var phrase = new PhraseQuery { new Term("body", "op"), new Term("body", "school") };
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body", "leerling")) { Boost = 3 }, Occur.SHOULD },
            { new TermQuery(new Term("body", "insuline")), Occur.SHOULD },
            { phrase, Occur.SHOULD },
        };

        float[] Scores(Similarity similarity)
        {
            var searcher = new IndexSearcher(reader) { Similarity = similarity };
            var scores = new float[Texts.Length];
            foreach (var hit in searcher.Search(query, Texts.Length).ScoreDocs)
                scores[hit.Doc] = hit.Score;
            return scores;
        }

        var lucenes = Scores(new BM25Similarity());
        var ours = Scores(new Bm25());
        Assert.All(Enumerable.Range(0, Texts.Length), doc => Assert.Equal(lucenes[doc], ours[doc], 5));
        Assert.True(lucenes.Count(s => s > 0) >= 4);
    }
}
