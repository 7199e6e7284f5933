using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Highlighting;
using PocMaterials.Search.LuceneModules.Suggest;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Searches the material index for one staff member. Every part of a query must match; when that
/// finds nothing any part may; when the result is still thin, misspelt words also match their
/// nearest spellings and a "did you mean" is offered. All of it within what the member may see.
/// </summary>
public sealed class MaterialSearcher(MaterialIndex index, Func<ContentSnapshot> content)
{
    /// <summary>Fewer hits than this count as "finds little": typo tolerance and suggestions start.</summary>
    private const int FewHits = 3;
    private const int SpellingCandidates = 6;

    public MaterialSearchResult Search(MaterialSearchRequest request, StaffMember viewer, DateOnly today)
    {
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaterialSearchRequest.MaxPageSize);
        var query = UserQuery.Parse(request.Query, index.SpellingAnalyzer, index.Synonyms);
        var builder = new MaterialQueryBuilder(index.TextAnalyzer);
        var filter = Filter(request, viewer, today, browsing: query.IsEmpty);

        return index.WithSearcher(searcher =>
        {
            Query? main = query.IsEmpty ? new MatchAllDocsQuery() : builder.AllParts(query);
            var count = main is null ? 0 : Count(searcher, main, filter);
            if (count == 0 && query.Parts.Count > 1 && builder.AnyPart(query) is { } anyPart)
            {
                main = anyPart;
                count = Count(searcher, main, filter);
            }
            string? didYouMean = null;
            if (!query.IsEmpty && count < FewHits)
            {
                var candidates = SpellingCandidatesOf(searcher, query, viewer, today);
                if (candidates.Count > 0 && builder.AllPartsFuzzy(query, candidates) is { } fuzzy)
                    main = main is null ? fuzzy : new BooleanQuery { { main, Occur.SHOULD }, { fuzzy, Occur.SHOULD } };
                didYouMean = Suggestion(query, candidates);
            }
            if (main is null)
                return new MaterialSearchResult(0, page, pageSize, [], EmptyFacets(), didYouMean);

            var filtered = new FilteredQuery(main, filter);
            var top = request.Sort == SearchSort.Updated
                ? (TopDocsCollector<FieldValueHitQueue.Entry>)TopFieldCollector.Create(
                    new Sort(new SortField(IndexFields.UpdatedSort, SortFieldType.INT32, reverse: true), SortField.FIELD_SCORE),
                    page * pageSize, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false)
                : null;
            var byScore = top is null ? TopScoreDocCollector.Create(page * pageSize, docsScoredInOrder: false) : null;
            var facets = new FacetCountCollector(IndexFields.FacetFields);
            searcher.Search(filtered, MultiCollector.Wrap((ICollector?)top ?? byScore!, facets));
            var topDocs = top is not null ? top.GetTopDocs((page - 1) * pageSize, pageSize) : byScore!.GetTopDocs((page - 1) * pageSize, pageSize);

            var highlight = HighlightTerms(filtered, searcher);
            var hits = topDocs.ScoreDocs.Select(d => Hit(searcher.Doc(d.Doc), d.Score, highlight)).ToList();
            return new MaterialSearchResult(topDocs.TotalHits, page, pageSize, hits, Labelled(facets.Counts), didYouMean);
        });
    }

    private static int Count(IndexSearcher searcher, Query query, Filter filter)
    {
        var counter = new TotalHitCountCollector();
        searcher.Search(new FilteredQuery(query, filter), counter);
        return counter.TotalHits;
    }

    private static Filter Filter(MaterialSearchRequest request, StaffMember viewer, DateOnly today, bool browsing)
    {
        var all = new BooleanQuery();
        if (VisibilityQuery.For(viewer, today) is { } visibility)
            all.Add(visibility, Occur.MUST);
        // Browsing lists materials; FAQ questions appear on their own only as answers to a query.
        if (browsing)
            all.Add(new TermQuery(new Term(IndexFields.Kind, IndexFields.KindMaterial)), Occur.MUST);
        foreach (var (field, values) in new[]
        {
            (IndexFields.Type, request.Types), (IndexFields.CoreProcess, request.CoreProcesses),
            (IndexFields.Theme, request.Themes), (IndexFields.Domain, request.Domains),
        })
        {
            if (values.Count == 0)
                continue;
            var any = new BooleanQuery();
            foreach (var value in values.Distinct())
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return new QueryWrapperFilter(all.Clauses.Count == 0 ? new MatchAllDocsQuery() : all);
    }

    /// <summary>
    /// For each typed word that no visible material contains: the nearest spellings that visible
    /// materials do contain. Terms only invisible materials contain are never offered.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> SpellingCandidatesOf(IndexSearcher searcher, UserQuery query, StaffMember viewer, DateOnly today)
    {
        var visible = new QueryWrapperFilter(VisibilityQuery.For(viewer, today) ?? new MatchAllDocsQuery());
        int VisibleCount(string term) => Count(searcher, new TermQuery(new Term(IndexFields.Spelling, term)), visible);

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var word in query.Words.Distinct())
        {
            if (VisibleCount(word) > 0)
                continue;
            var candidates = FuzzyVocabulary.Candidates(searcher.IndexReader, IndexFields.Spelling, word, SpellingCandidates * 2)
                .Where(c => VisibleCount(c.Term) > 0)
                .Take(SpellingCandidates)
                .Select(c => c.Term)
                .ToList();
            if (candidates.Count > 0)
                result[word] = candidates;
        }
        return result;
    }

    private static string? Suggestion(UserQuery query, Dictionary<string, IReadOnlyList<string>> candidates)
    {
        if (candidates.Count == 0)
            return null;
        var words = query.Parts.SelectMany(part => part switch
        {
            WordPart word => [candidates.TryGetValue(word.Word, out var c) ? c[0] : word.Word],
            PhrasePart phrase => [$"\"{string.Join(' ', phrase.Words)}\""],
            ConceptPart concept => concept.Words,
            _ => [],
        });
        return string.Join(' ', words);
    }

    private (Dictionary<string, HashSet<string>> TextTerms, HashSet<string> SpellingTerms) HighlightTerms(Query query, IndexSearcher searcher)
    {
        var terms = new HashSet<Term>();
        searcher.Rewrite(query).ExtractTerms(terms);
        var text = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var spelling = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (term.Field == IndexFields.Spelling)
                spelling.Add(term.Text);
            else if (IndexFields.TextFieldBoosts.ContainsKey(term.Field))
                (text.TryGetValue(term.Field, out var set) ? set : text[term.Field] = []).Add(term.Text);
        }
        return (text, spelling);
    }

    private MaterialHit Hit(Lucene.Net.Documents.Document document, float score, (Dictionary<string, HashSet<string>> Text, HashSet<string> Spelling) highlight)
    {
        var slug = document.Get(IndexFields.Slug);
        var isQuestion = document.Get(IndexFields.Kind) == IndexFields.KindQuestion;
        var anchor = isQuestion ? document.Get(IndexFields.Anchor) : null;
        var body = document.Get(IndexFields.Body) ?? document.Get(IndexFields.Summary) ?? "";
        var bodyTerms = highlight.Text.GetValueOrDefault(IndexFields.Body) ?? [];
        var snippet = SnippetHighlighter.Snippet(body,
        [
            (index.TextAnalyzer, IndexFields.Body, bodyTerms),
            (index.SpellingAnalyzer, IndexFields.Spelling, highlight.Spelling),
        ]);
        return new MaterialHit(
            Slug: slug,
            Title: isQuestion ? document.Get(IndexFields.MaterialTitle) : document.Get(IndexFields.Title),
            Type: document.Get(IndexFields.Type),
            Summary: document.Get(IndexFields.Summary),
            Snippet: snippet,
            Url: anchor is null ? $"/materials/{slug}" : $"/materials/{slug}#{anchor}",
            Updated: document.Get(IndexFields.Updated),
            Score: float.IsNaN(score) ? 0 : score,
            Question: isQuestion ? document.Get(IndexFields.Title) : null,
            Anchor: anchor);
    }

    private Dictionary<string, IReadOnlyList<FacetValue>> Labelled(IReadOnlyDictionary<string, Dictionary<string, int>> counts)
    {
        var snapshot = content();
        string Label(string dimension, string id) => dimension switch
        {
            IndexFields.Type => snapshot.Taxonomy.Types.LabelOf(id),
            IndexFields.CoreProcess => snapshot.Taxonomy.CoreProcesses.LabelOf(id),
            IndexFields.Domain => snapshot.Taxonomy.Domains.LabelOf(id),
            _ => snapshot.ThemeTitle(id),
        };
        return counts.ToDictionary(
            d => d.Key,
            d => (IReadOnlyList<FacetValue>)d.Value
                .Select(v => new FacetValue(v.Key, Label(d.Key, v.Key), v.Value))
                .OrderByDescending(v => v.Count).ThenBy(v => v.Label, StringComparer.CurrentCulture)
                .ToList());
    }

    private static Dictionary<string, IReadOnlyList<FacetValue>> EmptyFacets() =>
        IndexFields.FacetFields.ToDictionary(f => f, _ => (IReadOnlyList<FacetValue>)[]);
}
