using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.LuceneModules.Highlighting;

namespace PocMaterials.Search.Querying;

/// <summary>Turns matched material groups into hits: stored fields, and snippets with the query's terms marked.</summary>
internal sealed class SearchHits
{
    private readonly IndexSearcher _searcher;
    private readonly HashSet<string> _bodyTerms = new(StringComparer.Ordinal);

    public SearchHits(IndexSearcher searcher, Query query)
    {
        _searcher = searcher;
        var terms = new HashSet<Term>();
        searcher.Rewrite(query).ExtractTerms(terms);
        foreach (var term in terms.Where(t => t.Field == IndexFields.Body))
            _bodyTerms.Add(term.Text);
    }

    /// <param name="firstPosition">The 1-based position of the first group in the whole result list.</param>
    public List<MaterialHit> For(IEnumerable<MaterialGroup> groups, int firstPosition) =>
        groups.Select((group, i) => Hit(group, firstPosition + i)).ToList();

    private MaterialHit Hit(MaterialGroup group, int position)
    {
        var document = _searcher.Doc(group.MaterialDoc);
        var slug = document.Get(IndexFields.Slug);
        var questions = group.Questions.Select(q => Question(q.Doc, slug)).ToList();
        return new MaterialHit(
            Position: position,
            Slug: slug,
            Title: document.Get(IndexFields.Title),
            Type: document.Get(IndexFields.Type),
            Summary: document.Get(IndexFields.Summary),
            Snippet: Snippet(group.MaterialDoc, document.Get(IndexFields.Body) ?? document.Get(IndexFields.Summary) ?? ""),
            Url: $"/materials/{slug}",
            Updated: document.Get(IndexFields.Updated),
            Score: group.Score,
            MatchesAllWords: group.MatchesAllParts,
            Questions: questions);
    }

    private QuestionHit Question(int doc, string slug)
    {
        var document = _searcher.Doc(doc);
        var anchor = document.Get(IndexFields.Anchor);
        return new QuestionHit(document.Get(IndexFields.Title), anchor, $"/materials/{slug}#{anchor}", Snippet(doc, document.Get(IndexFields.Body) ?? ""));
    }

    private string Snippet(int doc, string body) =>
        SnippetHighlighter.Snippet(body, SnippetHighlighter.FromTermVector(_searcher.IndexReader, doc, IndexFields.Body, _bodyTerms));
}
