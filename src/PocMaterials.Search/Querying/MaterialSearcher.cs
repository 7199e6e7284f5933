using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Highlighting;
using PocMaterials.Search.LuceneModules.Statistics;
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

    private readonly VisibilityFilters _visibility = new();
    private readonly VisibleSearchers _searchers = new();

    /// <summary>What editors rank within: every live document.</summary>
    private static readonly Filter EveryDocument = new QueryWrapperFilter(new MatchAllDocsQuery());

    public MaterialSearchResult Search(MaterialSearchRequest request, StaffMember viewer, DateOnly today)
    {
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaterialSearchRequest.MaxPageSize);
        if ((long)page * pageSize > MaterialSearchRequest.MaxResultWindow)
            throw new ArgumentOutOfRangeException(nameof(request), $"page × pageSize may not pass {MaterialSearchRequest.MaxResultWindow}.");
        var query = UserQuery.Parse(request.Query, index.SpellingAnalyzer, index.Synonyms);
        var builder = new MaterialQueryBuilder(index.TextAnalyzer);
        var visible = _visibility.For(viewer, today, materialsOnly: query.IsEmpty);
        var rankedWithin = _visibility.For(viewer, today, materialsOnly: false) ?? EveryDocument;
        var dimensions = DimensionFilter(request);
        Query Restrict(Query q)
        {
            if (visible is not null)
                q = new FilteredQuery(q, visible);
            return dimensions is null ? q : new FilteredQuery(q, dimensions);
        }

        return index.WithSearcher(whole =>
        {
            // Ranking and suggestions count only what the viewer may see (see FilteredStatisticsSearcher).
            var searcher = _searchers.For(whole, rankedWithin);
            Query? main = query.IsEmpty ? new MatchAllDocsQuery() : builder.AllParts(query);
            var collected = main is null ? null : Collect(searcher, Restrict(main), request.Sort, page, pageSize);
            if (collected is not { Total: > 0 } && query.Parts.Count > 1 && builder.AnyPart(query) is { } anyPart)
            {
                main = anyPart;
                collected = Collect(searcher, Restrict(main), request.Sort, page, pageSize);
            }
            string? didYouMean = null;
            if (!query.IsEmpty && (collected?.Total ?? 0) < FewHits)
            {
                var candidates = SpellingCandidatesOf(searcher, query);
                if (candidates.Count > 0 && builder.AllPartsFuzzy(query, candidates) is { } fuzzy)
                {
                    main = main is null ? fuzzy : new BooleanQuery { { main, Occur.SHOULD }, { fuzzy, Occur.SHOULD } };
                    collected = Collect(searcher, Restrict(main), request.Sort, page, pageSize);
                }
                didYouMean = Suggestion(query, candidates);
            }
            if (main is null || collected is null)
                return new MaterialSearchResult(0, page, pageSize, [], EmptyFacets(), didYouMean);

            var highlight = HighlightTerms(main, searcher);
            var hits = collected.Top.ScoreDocs.Select(d => Hit(searcher.IndexReader, d.Doc, d.Score, highlight)).ToList();
            return new MaterialSearchResult(collected.Total, page, pageSize, hits, Labelled(collected.Facets.Counts), didYouMean);
        });
    }

    /// <remarks>The total comes from the collector: a page past the last hit has no TopDocs total.</remarks>
    private sealed record Collected(TopDocs Top, int Total, FacetCountCollector Facets);

    /// <summary>One pass over the result set: the requested page and the facet counts.</summary>
    private static Collected Collect(IndexSearcher searcher, Query query, SearchSort sort, int page, int pageSize)
    {
        var facets = new FacetCountCollector(IndexFields.FacetFields);
        if (sort == SearchSort.Updated)
        {
            var byDate = TopFieldCollector.Create(
                new Sort(new SortField(IndexFields.UpdatedSort, SortFieldType.INT32, reverse: true), SortField.FIELD_SCORE),
                page * pageSize, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
            searcher.Search(query, MultiCollector.Wrap(byDate, facets));
            return new Collected(byDate.GetTopDocs((page - 1) * pageSize, pageSize), byDate.TotalHits, facets);
        }
        var byScore = TopScoreDocCollector.Create(page * pageSize, docsScoredInOrder: false);
        searcher.Search(query, MultiCollector.Wrap(byScore, facets));
        return new Collected(byScore.GetTopDocs((page - 1) * pageSize, pageSize), byScore.TotalHits, facets);
    }

    /// <summary>Filters by type, core process, theme and domain: OR within one, AND across.</summary>
    private static QueryWrapperFilter? DimensionFilter(MaterialSearchRequest request)
    {
        var all = new BooleanQuery();
        foreach (var (field, values) in request.Filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values.Distinct())
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new QueryWrapperFilter(all);
    }

    /// <summary>
    /// For each typed word that no visible material contains: the nearest spellings that visible
    /// materials do contain, the most frequent among them first. Frequencies count visible materials
    /// only, so terms of invisible materials are never offered nor change the order.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> SpellingCandidatesOf(FilteredStatisticsSearcher searcher, UserQuery query)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var word in query.Words.Distinct())
        {
            if (searcher.DocFreq(new Term(IndexFields.Spelling, word)) > 0)
                continue;
            var candidates = FuzzyVocabulary.Candidates(searcher.IndexReader, IndexFields.Spelling, word, SpellingCandidates, searcher.DocFreq)
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

    private MaterialHit Hit(IndexReader reader, int doc, float score, (Dictionary<string, HashSet<string>> Text, HashSet<string> Spelling) highlight)
    {
        var document = reader.Document(doc);
        var slug = document.Get(IndexFields.Slug);
        var isQuestion = document.Get(IndexFields.Kind) == IndexFields.KindQuestion;
        var anchor = isQuestion ? document.Get(IndexFields.Anchor) : null;
        var body = document.Get(IndexFields.Body) ?? document.Get(IndexFields.Summary) ?? "";
        var bodyTerms = highlight.Text.GetValueOrDefault(IndexFields.Body) ?? [];
        var snippet = SnippetHighlighter.Snippet(body,
            SnippetHighlighter.FromTermVector(reader, doc, IndexFields.Body, bodyTerms)
                .Concat(SnippetHighlighter.FromAnalysis(index.SpellingAnalyzer, IndexFields.Spelling, body, highlight.Spelling)));
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
