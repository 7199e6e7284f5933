using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.LuceneModules.Highlighting;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Turns matched material groups into hits: what the material's document stores, and snippets with the
/// query's terms marked. What a document stores is taken from the material it indexed while that is still
/// the indexed one (<see cref="MaterialIndex.Indexed"/>), which spares decompressing its stored fields.
/// </summary>
internal sealed class SearchHits
{
    private readonly IndexSearcher _searcher;
    private readonly MaterialIndex _index;
    private readonly NumericDocValues? _revisions;
    private readonly HashSet<string> _bodyTerms = new(StringComparer.Ordinal);

    public SearchHits(IndexSearcher searcher, Query query, MaterialIndex index)
    {
        _searcher = searcher;
        _index = index;
        _revisions = MultiDocValues.GetNumericValues(searcher.IndexReader, IndexFields.Revision);
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
        var stored = _revisions?.Get(group.MaterialDoc) is { } revision && _index.Indexed(revision) is { } material
            ? MaterialDocuments.Stored(material)
            : MaterialDocuments.Stored(_searcher.Doc(group.MaterialDoc));
        var (slug, texts, anchors) = (stored.Slug, stored.QuestionTexts, stored.QuestionAnchors);
        // A question document's offset in the block is its question's place (1-based) in the material.
        var questions = group.Questions
            .Select(q => q.Doc - group.MaterialDoc - 1)
            .Where(i => i >= 0 && i < texts.Count && i < anchors.Count)
            .Select(i => new QuestionHit(texts[i], anchors[i], $"/materials/{slug}#{anchors[i]}"))
            .ToList();
        return new MaterialHit(
            Position: position,
            Slug: slug,
            Title: stored.Title!,
            Type: stored.Type!,
            Summary: stored.Summary,
            Snippet: SnippetHighlighter.Snippet(stored.Body ?? stored.Summary ?? "", marks),
            Url: $"/materials/{slug}",
            Updated: stored.Updated,
            Score: group.Score,
            MatchesAllWords: group.MatchesAllParts,
            Questions: questions);
    }
}
