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
        var matching = new MatchingDocuments(lookup.Documents);
        var scored = new Dictionary<int, FixedBitSet>();
        var facets = new FacetCountCollector(IndexFields.FacetFields);
        var (full, matched) = (0, 0);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var accepted = Accepted(leaf);
            var any = new FixedBitSet(accepted.Length);
            FixedBitSet? every = null;
            foreach (var clause in combined.Clauses)
            {
                if (clause.Query is not CountedPartQuery)
                {
                    matching.AddTo(any, clause.Query, leaf);
                    continue;
                }
                var part = new FixedBitSet(accepted.Length);
                matching.AddTo(part, clause.Query, leaf);
                any.Or(part);
                if (every is null)
                    every = part;
                else
                    every.And(part);
            }
            every!.And(accepted);
            any.And(accepted);
            var offsets = MaterialGroupCollector.BlockOffsets(leaf.AtomicReader);
            var blocks = Blocks(every, offsets);
            full += blocks.Count;
            scored[leaf.Ord] = Documents(blocks, offsets, accepted);
            facets.SetNextReader(leaf);
            matched += CountBlocks(any, offsets, facets);
        }
        if (full < window)
            return null;
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

    /// <summary>The live documents of a segment the viewer may see.</summary>
    private FixedBitSet Accepted(AtomicReaderContext leaf)
    {
        var reader = leaf.AtomicReader;
        var accepted = new FixedBitSet(reader.MaxDoc);
        if (visible is not null)
        {
            if (visible.GetDocIdSet(leaf, reader.LiveDocs)?.GetIterator() is { } iterator)
                accepted.Or(iterator);
            return accepted;
        }
        accepted.Set(0, reader.MaxDoc);
        if (reader.LiveDocs is { } live)
        {
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (!live.Get(doc))
                    accepted.Clear(doc);
            }
        }
        return accepted;
    }

    /// <summary>The first document of each block (material) that holds one of <paramref name="documents"/>.</summary>
    private static List<int> Blocks(FixedBitSet documents, int[] offsets)
    {
        var blocks = new List<int>();
        var last = -1;
        for (var doc = documents.NextSetBit(0); doc >= 0; doc = doc + 1 < documents.Length ? documents.NextSetBit(doc + 1) : -1)
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

    /// <summary>Counts the blocks holding one of <paramref name="documents"/>, each block's facets on its first document.</summary>
    private static int CountBlocks(FixedBitSet documents, int[] offsets, FacetCountCollector facets)
    {
        var count = 0;
        var last = -1;
        for (var doc = documents.NextSetBit(0); doc >= 0; doc = doc + 1 < documents.Length ? documents.NextSetBit(doc + 1) : -1)
        {
            var first = doc - offsets[doc];
            if (first == last)
                continue;
            last = first;
            count++;
            facets.Collect(first);
        }
        return count;
    }

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
