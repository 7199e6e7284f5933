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
    public List<MaterialHit> For(IReadOnlyList<MaterialGroup> groups, int firstPosition)
    {
        var marks = new PostingsMarks(_searcher.IndexReader, IndexFields.Body, _bodyTerms).For(groups.Select(g => g.MaterialDoc));
        return groups.Select((group, i) => Hit(group, firstPosition + i, marks[group.MaterialDoc])).ToList();
    }

    private MaterialHit Hit(MaterialGroup group, int position, List<SnippetHighlighter.Mark> marks)
    {
        var document = _searcher.Doc(group.MaterialDoc);
        var slug = document.Get(IndexFields.Slug);
        var texts = document.GetValues(IndexFields.QuestionTexts);
        var anchors = document.GetValues(IndexFields.QuestionAnchors);
        // A question document's offset in the block is its question's place (1-based) in the material.
        var questions = group.Questions
            .Select(q => q.Doc - group.MaterialDoc - 1)
            .Where(i => i >= 0 && i < texts.Length && i < anchors.Length)
            .Select(i => new QuestionHit(texts[i], anchors[i], $"/materials/{slug}#{anchors[i]}"))
            .ToList();
        return new MaterialHit(
            Position: position,
            Slug: slug,
            Title: document.Get(IndexFields.Title),
            Type: document.Get(IndexFields.Type),
            Summary: document.Get(IndexFields.Summary),
            Snippet: SnippetHighlighter.Snippet(document.Get(IndexFields.Body) ?? document.Get(IndexFields.Summary) ?? "", marks),
            Url: $"/materials/{slug}",
            Updated: document.Get(IndexFields.Updated),
            Score: group.Score,
            MatchesAllWords: group.MatchesAllParts,
            Questions: questions);
    }
}
