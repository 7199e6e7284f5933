using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Grouping;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Searches the material index for one staff member. Any part of a query may match; materials that
/// match every part come first, then those that match fewer, each material once with its best matching
/// FAQ questions. When few materials match every part, misspelt words also match their nearest
/// spellings and a "did you mean" is offered. All of it within what the member may see.
/// </summary>
public sealed class MaterialSearcher
{
    /// <summary>Fewer materials matching all words than this count as "finds little": typo tolerance and suggestions start.</summary>
    private const int FewHits = 3;

    private readonly VisibilityFilters _visibility = new();
    private volatile MaterialCompletions? _completions;
    private readonly VisibleSearchers _searchers = new();

    /// <summary>What editors rank within: every live document.</summary>
    private static readonly Filter EveryDocument = new QueryWrapperFilter(new MatchAllDocsQuery());

    private readonly MaterialIndex _index;
    private readonly Func<ContentSnapshot> _content;

    public MaterialSearcher(MaterialIndex index, Func<ContentSnapshot> content)
    {
        _index = index;
        _content = content;
        index.PrepareReadersWith(Prepare);
    }

    public MaterialSearchResult Search(MaterialSearchRequest request, StaffMember viewer, DateOnly today)
    {
        var (page, pageSize) = Paging(request);
        var synonyms = _index.Synonyms;
        var query = UserQuery.Parse(request.Query, _index.SpellingAnalyzer, _index.QueryWords, synonyms);
        var visible = _visibility.For(viewer, today, materialsOnly: query.IsEmpty);
        var rankedWithin = _visibility.For(viewer, today, materialsOnly: false) ?? EveryDocument;
        var filters = request.Filters;

        return _index.WithSearcher(whole =>
        {
            // Ranking and suggestions count only what the viewer may see (see FilteredStatisticsSearcher).
            var lookup = new TermLookup(whole.IndexReader);
            var run = new SearchRun(_searchers.For(whole.IndexReader, rankedWithin), visible, filters, lookup);
            var builder = new MaterialQueryBuilder(_index.TextAnalyzer, synonyms, lookup, run.Searcher.DocFreq);
            var ranked = query.IsEmpty ? new RankedParts(new MatchAllDocsQuery(), 0) : builder.Parts(query);
            var collected = ranked is null ? null : run.Collect(ranked, page * pageSize);
            try
            {
                string? didYouMean = null;
                if (!query.IsEmpty && (collected?.Groups.TotalAllParts ?? 0) < FewHits)
                    didYouMean = TolerateTypos(run, builder, query, page * pageSize, ref ranked, ref collected);
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
        {
            throw new ArgumentOutOfRangeException(
                nameof(request), $"page × pageSize may not pass {MaterialSearchRequest.MaxResultWindow}.");
        }
        return (page, pageSize);
    }

    /// <summary>
    /// When few materials match every part: misspelt words also match their nearest spellings (the search is
    /// ranked and collected again with them), and the query with those spellings is the "did you mean".
    /// </summary>
    private string? TolerateTypos(
        SearchRun run,
        MaterialQueryBuilder builder,
        UserQuery query,
        int window,
        ref RankedParts? ranked,
        ref Collected? collected)
    {
        var candidates = SpellingSuggestions.CandidatesOf(run.Searcher, _index.TextAnalyzer, query);
        if (candidates.Count > 0 && builder.Parts(query, candidates) is { } fuzzy)
        {
            ranked = fuzzy;
            collected?.Dispose();
            collected = run.Collect(fuzzy, window);
        }
        return SpellingSuggestions.Suggestion(run.Searcher, query, candidates);
    }

    /// <summary>The hits of the page asked for, with the counts and the labelled facets of the whole result.</summary>
    private MaterialSearchResult ResultPage(
        SearchRun run,
        IndexReader whole,
        SearchSort sort,
        int page,
        int pageSize,
        RankedParts ranked,
        Collected collected,
        string? didYouMean)
    {
        var skip = (page - 1) * pageSize;
        var updated = sort == SearchSort.Updated ? MultiDocValues.GetNumericValues(whole, IndexFields.UpdatedSort) : null;
        var top = collected.Groups.Best(page * pageSize, updated).Skip(skip).ToList();
        var hits = new SearchHits(run.Searcher, ranked.Query, _index).For(top, skip + 1);
        return new MaterialSearchResult(collected.Count, collected.Groups.TotalAllParts, page, pageSize, hits,
            Labelled(collected.FacetCounts()), didYouMean);
    }

    /// <summary>
    /// Search-as-you-type: up to eight titles, FAQ questions, themes and acronyms (with their long form)
    /// the viewer may see, each with a word starting with every word typed.
    /// </summary>
    public IReadOnlyList<Completion> Complete(string? typed, StaffMember viewer, DateOnly today)
    {
        var words = string.IsNullOrWhiteSpace(typed)
            ? []
            : TokenText.Words(_index.FoldedAnalyzer, "", typed).Take(UserQuery.MaxParts).ToList();
        if (words.Count == 0)
            return [];
        var snapshot = _content();
        var completions = _completions;
        // Built once per content version, on first use after a change.
        if (completions is null || !ReferenceEquals(completions.Content, snapshot))
            _completions = completions = MaterialCompletions.Build(snapshot, _index.FoldedAnalyzer);
        return completions.For(words, typed!.Trim(), viewer, today);
    }

    private Dictionary<string, IReadOnlyList<FacetValue>> Labelled(IReadOnlyDictionary<string, Dictionary<string, int>> counts)
    {
        var snapshot = _content();
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

    /// <summary>A new reader, before it is searched: what the searches of the last reader built per segment.</summary>
    private void Prepare(IndexReader reader)
    {
        _searchers.Prepare(reader);
        foreach (var leaf in reader.Leaves)
        {
            MaterialGroupCollector.BlockOffsets(leaf.AtomicReader);
            FacetCountCollector.Prepare(leaf.AtomicReader, IndexFields.FacetFields);
        }
    }
}
