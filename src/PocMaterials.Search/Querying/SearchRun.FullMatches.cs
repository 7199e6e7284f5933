using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Facets;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.LuceneModules.Matching;

namespace PocMaterials.Search.Querying;

internal sealed partial class SearchRun
{
    /// <summary>
    /// A query of several parts whose page is filled by materials matching every part: only those materials are scored,
    /// the others are only counted. Materials matching every part rank above every other, so the others' scores cannot
    /// change the page; their number and facets are found from the postings without scoring (see MatchingDocuments),
    /// which is most of a broad query's time (two common words match half the bank, both of them a tenth of it).
    /// </summary>
    /// <returns>The collection, or none when fewer materials than <paramref name="window"/> match every part.</returns>
    private Collected? CollectFullMatches(RankedParts ranked, int window)
    {
        if (ranked.PartCount < 2 || filters.Count > 0 || ranked.Query is not BooleanQuery combined)
            return null;
        var matching = new MatchingDocuments(lookup.Documents, lookup.Positions);
        var leaves = new List<LeafMatches>();
        var full = 0;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var accepted = searcher.Accepted(leaf.Ord);
            var any = new FixedBitSet(accepted.Length);
            FixedBitSet? every = null;
            foreach (var part in combined.Clauses.Select(c => c.Query).OfType<CountedPartQuery>())
            {
                var matches = new FixedBitSet(accepted.Length);
                matching.AddTo(matches, part, leaf);
                any.Or(matches);
                if (every is null)
                    every = matches;
                else
                    every.And(matches);
            }
            every!.And(accepted);
            var offsets = MaterialGroupCollector.BlockOffsets(leaf.AtomicReader);
            var blocks = Blocks(every, offsets);
            full += blocks.Count;
            leaves.Add(new LeafMatches(leaf, accepted, any, offsets, blocks));
        }
        // Too few to fill the page: the full pass ranks the partial matches too, and counts as it goes.
        if (full < window)
            return null;
        var scored = new Dictionary<int, FixedBitSet>();
        var facets = new FacetCountCollector(IndexFields.FacetFields);
        var matched = 0;
        foreach (var (leaf, accepted, any, offsets, blocks) in leaves)
        {
            foreach (var clause in combined.Clauses.Where(c => c.Query is not CountedPartQuery))
                matching.AddTo(any, clause.Query, leaf);
            any.And(accepted);
            scored[leaf.Ord] = Documents(blocks, offsets, accepted);
            // Each matched material's facets, counted on its first document as the collector counts them.
            facets.SetNextReader(leaf);
            var materials = Blocks(any, offsets);
            foreach (var first in materials)
                facets.Collect(first);
            matched += materials.Count;
        }
        var groups = new MaterialGroupCollector(ranked.PartCount, facets: null, searcher.IndexReader.MaxDoc);
        try
        {
            searcher.Search(new FilteredQuery(ranked.Query, new LeafBitsFilter(scored), RandomAccess), groups);
            return new Collected(groups, facets, []) { Matched = matched };
        }
        catch
        {
            groups.Dispose();
            throw;
        }
    }

    /// <summary>The first document of each block (material) that holds one of <paramref name="documents"/>.</summary>
    private static List<int> Blocks(FixedBitSet documents, int[] offsets)
    {
        var blocks = new List<int>();
        var last = -1;
        var iterator = documents.GetIterator();
        for (var doc = iterator.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.NextDoc())
        {
            var first = doc - offsets[doc];
            if (first != last)
                blocks.Add(last = first);
        }
        return blocks;
    }

    /// <summary>Every accepted document of the given blocks: a material's score is that of its best document.</summary>
    private static FixedBitSet Documents(List<int> blocks, int[] offsets, FixedBitSet accepted)
    {
        var documents = new FixedBitSet(accepted.Length);
        foreach (var first in blocks)
        {
            for (var doc = first; doc < offsets.Length && doc - offsets[doc] == first; doc++)
                documents.Set(doc);
        }
        documents.And(accepted);
        return documents;
    }

    /// <summary>One segment's matches: what the viewer may see, what any part matched, and the materials matching every part.</summary>
    private sealed record LeafMatches(AtomicReaderContext Leaf, FixedBitSet Accepted, FixedBitSet Any, int[] Offsets, List<int> Blocks);

    /// <summary>The bit sets of this search, handed down to the scorers as the documents they may visit.</summary>
    private sealed class LeafBitsFilter(Dictionary<int, FixedBitSet> leaves) : Filter
    {
        public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits acceptDocs) =>
            leaves.TryGetValue(context.Ord, out var bits) ? BitsFilteredDocIdSet.Wrap(bits, acceptDocs) : null;
    }

    /// <summary>Always as accepted documents (Lucene leap-frogs when the first set bit is past 100).</summary>
    private static readonly FilteredQuery.FilterStrategy RandomAccess = new AlwaysRandomAccess();

    private sealed class AlwaysRandomAccess : FilteredQuery.RandomAccessFilterStrategy
    {
        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
