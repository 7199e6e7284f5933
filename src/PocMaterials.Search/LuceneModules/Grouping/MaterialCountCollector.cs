using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Grouping;

/// <summary>
/// Counts the materials (blocks, see <see cref="MaterialGroupCollector"/>) that have a matching document,
/// each once, and passes each material's first document to the facet counter; no scores. Scores in any
/// order, which lets Lucene take its fastest path over a disjunction.
/// </summary>
public sealed class MaterialCountCollector(ICollector facets) : ICollector
{
    private int[] _offsets = [];
    private FixedBitSet _seen = new(0);

    /// <summary>How many materials matched.</summary>
    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetNextReader(AtomicReaderContext context)
    {
        _offsets = MaterialGroupCollector.BlockOffsets(context.AtomicReader);
        _seen = new FixedBitSet(context.AtomicReader.MaxDoc);
        facets.SetNextReader(context);
    }

    public void SetScorer(Scorer scorer) => facets.SetScorer(scorer);

    public void Collect(int doc)
    {
        var first = doc - _offsets[doc];
        if (_seen.GetAndSet(first))
            return;
        Total++;
        facets.Collect(first);
    }
}
