using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Filters;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.LuceneModules.Statistics;
using PocMaterials.Search.LuceneModules.Suggest;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Searches the material index for one staff member. Any part of a query may match; materials that
/// match every part come first, then those that match fewer, each material once with its best matching
/// FAQ questions. When few materials match every part, misspelt words also match their nearest
/// spellings and a "did you mean" is offered. All of it within what the member may see.
/// </summary>
public sealed class MaterialSearcher(MaterialIndex index, Func<ContentSnapshot> content)
{
    /// <summary>Fewer materials matching all words than this count as "finds little": typo tolerance and suggestions start.</summary>
    private const int FewHits = 3;
    private const int SpellingCandidates = 6;

    private readonly VisibilityFilters _visibility = new();
    private volatile MaterialCompletions? _completions;
    private readonly VisibleSearchers _searchers = new();

    /// <summary>What editors rank within: every live document.</summary>
    private static readonly Filter EveryDocument = new QueryWrapperFilter(new MatchAllDocsQuery());

    public MaterialSearchResult Search(MaterialSearchRequest request, StaffMember viewer, DateOnly today)
    {
        var (page, pageSize) = Paging(request);
        var query = UserQuery.Parse(request.Query, index.SpellingAnalyzer, index.QueryWords, index.Synonyms);
        var visible = _visibility.For(viewer, today, materialsOnly: query.IsEmpty);
        var rankedWithin = _visibility.For(viewer, today, materialsOnly: false) ?? EveryDocument;
        var filters = request.Filters;
        var dimensions = DimensionFilter(filters);

        return index.WithSearcher(whole =>
        {
            // Ranking and suggestions count only what the viewer may see (see FilteredStatisticsSearcher).
            var run = new SearchRun(_searchers.For(whole, rankedWithin), visible, filters, dimensions);
            var builder = new MaterialQueryBuilder(index.TextAnalyzer, new TermLookup(whole.IndexReader));
            var ranked = query.IsEmpty ? new RankedParts(new MatchAllDocsQuery(), 0) : builder.Parts(query);
            var collected = ranked is null ? null : run.Collect(ranked);
            try
            {
                string? didYouMean = null;
                if (!query.IsEmpty && (collected?.Groups.TotalAllParts ?? 0) < FewHits)
                    didYouMean = TolerateTypos(run, builder, query, ref ranked, ref collected);
                if (ranked is null || collected is null)
                    return new MaterialSearchResult(0, 0, page, pageSize, [], EmptyFacets(), didYouMean);
                return ResultPage(run, whole.IndexReader, request.Sort, page, pageSize, ranked, collected, didYouMean);
            }
            finally
            {
                collected?.Dispose();
            }
        });
    }

    /// <summary>The page asked for and its size, within bounds; beyond the result window is refused.</summary>
    private static (int Page, int PageSize) Paging(MaterialSearchRequest request)
    {
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, MaterialSearchRequest.MaxPageSize);
        if ((long)page * pageSize > MaterialSearchRequest.MaxResultWindow)
            throw new ArgumentOutOfRangeException(nameof(request), $"page × pageSize may not pass {MaterialSearchRequest.MaxResultWindow}.");
        return (page, pageSize);
    }

    /// <summary>
    /// When few materials match every part: misspelt words also match their nearest spellings (the search is
    /// ranked and collected again with them), and the query with those spellings is the "did you mean".
    /// </summary>
    private string? TolerateTypos(SearchRun run, MaterialQueryBuilder builder, UserQuery query, ref RankedParts? ranked, ref Collected? collected)
    {
        var candidates = SpellingCandidatesOf(run.Searcher, query);
        if (candidates.Count > 0 && builder.Parts(query, candidates) is { } fuzzy)
        {
            ranked = fuzzy;
            collected?.Dispose();
            collected = run.Collect(fuzzy);
        }
        return Suggestion(run.Searcher, query, candidates);
    }

    /// <summary>The hits of the page asked for, with the counts and the labelled facets of the whole result.</summary>
    private MaterialSearchResult ResultPage(
        SearchRun run, IndexReader whole, SearchSort sort, int page, int pageSize, RankedParts ranked, Collected collected, string? didYouMean)
    {
        var skip = (page - 1) * pageSize;
        var updated = sort == SearchSort.Updated ? MultiDocValues.GetNumericValues(whole, IndexFields.UpdatedSort) : null;
        var top = collected.Groups.Best(page * pageSize, updated).Skip(skip).ToList();
        var hits = new SearchHits(run.Searcher, ranked.Query, index).For(top, skip + 1);
        return new MaterialSearchResult(collected.Groups.Count, collected.Groups.TotalAllParts, page, pageSize, hits,
            Labelled(run.FacetCounts(ranked, collected.Facets)), didYouMean);
    }

    /// <summary>
    /// Search-as-you-type: up to eight titles, FAQ questions, themes and acronyms (with their long form)
    /// the viewer may see, each with a word starting with every word typed.
    /// </summary>
    public IReadOnlyList<Completion> Complete(string? typed, StaffMember viewer, DateOnly today)
    {
        var words = string.IsNullOrWhiteSpace(typed) ? [] : TokenText.Words(index.FoldedAnalyzer, "", typed).Take(UserQuery.MaxParts).ToList();
        if (words.Count == 0)
            return [];
        var snapshot = content();
        var completions = _completions;
        // Built once per content version, on first use after a change.
        if (completions is null || !ReferenceEquals(completions.Content, snapshot))
            _completions = completions = MaterialCompletions.Build(snapshot, index.FoldedAnalyzer);
        return completions.For(words, typed!.Trim(), viewer, today);
    }

    private sealed record Collected(MaterialGroupCollector Groups, FacetCountCollector Facets) : IDisposable
    {
        public void Dispose() => Groups.Dispose();
    }

    /// <summary>
    /// One search over one view of the index: the searcher that ranks within what the viewer may see, and
    /// the visibility and dimension filters that every collection of it applies.
    /// </summary>
    private sealed class SearchRun(
        FilteredStatisticsSearcher searcher,
        Filter? visible,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        Filter? dimensions)
    {
        public FilteredStatisticsSearcher Searcher => searcher;

        /// <summary>The materials that match the ranked parts, grouped, with their facet counts.</summary>
        public Collected Collect(RankedParts ranked)
        {
            var facets = new FacetCountCollector(IndexFields.FacetFields);
            var groups = new MaterialGroupCollector(ranked.PartCount, facets, searcher.IndexReader.MaxDoc);
            try
            {
                searcher.Search(Restrict(ranked.Query), groups);
            }
            catch
            {
                groups.Dispose();
                throw;
            }
            return new Collected(groups, facets);
        }

        // A filtered dimension is counted without its own filter (the others still apply), so its other
        // values say what adding them would bring: OR within a dimension, as the filters work.
        public IReadOnlyDictionary<string, Dictionary<string, int>> FacetCounts(RankedParts ranked, FacetCountCollector facets)
        {
            var counts = facets.Counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
            foreach (var field in filters.Keys)
            {
                var own = new FacetCountCollector([field]);
                using var groups = new MaterialGroupCollector(0, own, searcher.IndexReader.MaxDoc);
                Query matching = new ConstantScoreQuery(ranked.Query);
                if (visible is not null)
                    matching = new FilteredQuery(matching, visible);
                if (DimensionFilter(filters.Where(f => f.Key != field)) is { } others)
                    matching = new FilteredQuery(matching, others);
                searcher.Search(matching, groups);
                counts[field] = own.Counts[field];
            }
            return counts;
        }

        private Query Restrict(Query q)
        {
            if (visible is not null)
                q = new FilteredQuery(q, visible);
            return dimensions is null ? q : new FilteredQuery(q, dimensions);
        }
    }

    /// <summary>
    /// Filters by type, core process, theme and domain: OR within one, AND across. As a bit set (for this
    /// search only), so the scorers skip what it leaves out instead of leap-frogging with it: a query of
    /// many synonyms is costly to advance.
    /// </summary>
    private static Filter? DimensionFilter(IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> filters)
    {
        var all = new BooleanQuery();
        foreach (var (field, values) in filters)
        {
            var any = new BooleanQuery();
            foreach (var value in values.Distinct())
                any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : new BitSetCachingFilter(new QueryWrapperFilter(all));
    }

    /// <summary>
    /// For each typed word that no visible material contains: the nearest spellings that visible
    /// materials do contain, the most frequent among them first. Frequencies count visible materials
    /// only, so terms of invisible materials are never offered nor change the order.
    /// </summary>
    private Dictionary<string, IReadOnlyList<string>> SpellingCandidatesOf(FilteredStatisticsSearcher searcher, UserQuery query)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var word in query.Words.Distinct())
        {
            if (searcher.DocFreq(new Term(IndexFields.Spelling, word)) > 0 || IsAnalysedInBody(searcher, word))
                continue;
            var candidates = FuzzyVocabulary.Candidates(searcher.IndexReader, IndexFields.Spelling, word, SpellingCandidates, searcher.DocFreq)
                .Select(c => c.Term)
                .ToList();
            if (candidates.Count > 0)
                result[word] = candidates;
        }
        return result;
    }

    /// <summary>
    /// The query with its misspelt words corrected; none when a word left as typed occurs in no visible
    /// material, since that suggestion would find no more than the query did.
    /// </summary>
    /// <summary>A Dutch word that visible materials contain in another form ("leden" in "bestuursleden") is no typo.</summary>
    private bool IsAnalysedInBody(FilteredStatisticsSearcher searcher, string word) =>
        DutchLexicon.Shared.Contains(word)
        && TokenText.Words(index.TextAnalyzer, IndexFields.Body, word).Any(term => searcher.DocFreq(new Term(IndexFields.Body, term)) > 0);

    private static string? Suggestion(FilteredStatisticsSearcher searcher, UserQuery query, Dictionary<string, IReadOnlyList<string>> candidates)
    {
        if (candidates.Count == 0)
            return null;
        // Each part as suggested, and the words of it left as typed.
        var parts = query.Parts.Select<QueryPart, (string Text, IReadOnlyList<string> AsTyped)>(part => part switch
        {
            WordPart word when candidates.TryGetValue(word.Word, out var c) => (c[0], []),
            WordPart word => (word.Word, [word.Word]),
            PhrasePart phrase => ($"\"{string.Join(' ', phrase.Words)}\"", phrase.Words),
            ConceptPart concept => (string.Join(' ', concept.Words), concept.Words),
            _ => ("", []),
        }).ToList();
        if (parts.SelectMany(p => p.AsTyped).Any(w => searcher.DocFreq(new Term(IndexFields.Spelling, w)) == 0))
            return null;
        return string.Join(' ', parts.Select(p => p.Text));
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
