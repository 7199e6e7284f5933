using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Facets;

/// <summary>
/// Drill sideways in one pass: the search runs without the dimension filters, and each document goes to the hits when it
/// passes every dimension's filter, or to the one dimension's sideways collector when it fails that filter only (a
/// filtered dimension is counted without its own filter, the others applied). A document failing two filters counts
/// nowhere. One pass over the matches, instead of one more search for each filtered dimension.
/// </summary>
/// <param name="dimensions">Each filtered dimension's filter (one that gives random-access bits) and its collector.</param>
public sealed class DrillSidewaysCollector(ICollector hits, IReadOnlyList<(Filter Filter, ICollector Sideways)> dimensions)
    : ICollector
{
    private readonly IBits?[] _passes = new IBits?[dimensions.Count];

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder && dimensions.All(d => d.Sideways.AcceptsDocsOutOfOrder);

    public void SetNextReader(AtomicReaderContext context)
    {
        hits.SetNextReader(context);
        for (var i = 0; i < dimensions.Count; i++)
        {
            dimensions[i].Sideways.SetNextReader(context);
            // No set: no document of the segment passes that filter.
            var set = dimensions[i].Filter.GetDocIdSet(context, null);
            _passes[i] = set is null
                ? null
                : set.Bits ?? throw new InvalidOperationException("A sideways dimension's filter must give random-access bits.");
        }
    }

    public void SetScorer(Scorer scorer)
    {
        hits.SetScorer(scorer);
        foreach (var (_, sideways) in dimensions)
            sideways.SetScorer(scorer);
    }

    public void Collect(int doc)
    {
        var failed = -1;
        for (var i = 0; i < _passes.Length; i++)
        {
            if (_passes[i]?.Get(doc) == true)
                continue;
            if (failed >= 0)
                return;
            failed = i;
        }
        if (failed < 0)
            hits.Collect(doc);
        else
            dimensions[failed].Sideways.Collect(doc);
    }
}
