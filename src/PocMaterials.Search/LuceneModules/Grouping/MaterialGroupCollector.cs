using System.Buffers;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PocMaterials.Search.LuceneModules.Grouping;

/// <summary>
/// Collects matching documents grouped by their block: a material's document and its FAQ question
/// documents are indexed together as one block whose first document is the material's, and each
/// document carries its offset in the block (<see cref="BlockOffsetField"/>). Each group is scored by its
/// best document and keeps its best question documents. A group matches all parts of the query when one
/// of its documents matched every <see cref="CountedPartQuery"/>. Facets are counted once per group, on
/// the material's document. Counting parts needs documents scored in order (the part scorers must stand
/// on the current document); with no parts to count (<paramref name="partCount"/> 0: every document
/// matches all of them) any order will do, which lets Lucene take its fastest path.
/// </summary>
/// <remarks>
/// A broad query matches thousands of materials, of which a page shows ten: groups are kept as values in
/// one pooled array, found through a pooled per-segment table from block to group, and become
/// <see cref="MaterialGroup"/> objects only for the page (<see cref="Best"/>). Dispose returns the arrays.
/// </remarks>
/// <param name="maxGroups">
/// At most how many groups there can be (the documents searched): the groups' array is rented once at that size.
/// </param>
public sealed class MaterialGroupCollector(int partCount, ICollector? facets, int maxGroups) : ICollector, IDisposable
{
    /// <summary>The numeric doc values field with a document's offset from its block's first document.</summary>
    public const string BlockOffsetField = "block_offset";

    /// <summary>How many of its best matching questions a group keeps.</summary>
    public const int QuestionsPerGroup = 3;

    private static readonly ConditionalWeakTable<object, int[]> Offsets = new();

    private readonly List<CountedPartQuery.PartScorer> _parts = [];
    private GroupState[] _groups = ArrayPool<GroupState>.Shared.Rent(Math.Max(1, maxGroups));
    // Per segment: 1 + the group of the block starting at a document, 0 for none yet.
    private int[] _groupOfBlock = [];
    private Scorer? _scorer;
    private int[] _offsets = [];
    private int _docBase;

    /// <summary>How many groups matched all parts of the query.</summary>
    public int TotalAllParts { get; private set; }

    /// <summary>How many groups matched.</summary>
    public int Count { get; private set; }

    public bool AcceptsDocsOutOfOrder => partCount == 0;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        var reader = context.AtomicReader;
        _offsets = BlockOffsets(reader);
        ReturnBlockTable();
        _groupOfBlock = ArrayPool<int>.Shared.Rent(reader.MaxDoc);
        Array.Clear(_groupOfBlock, 0, reader.MaxDoc);
        facets?.SetNextReader(context);
    }

    public void SetScorer(Scorer scorer)
    {
        _scorer = scorer;
        _parts.Clear();
        if (partCount > 0)
            FindParts(scorer);
        facets?.SetScorer(scorer);
    }

    public void Collect(int doc)
    {
        // Scoring first: some scorers move their optional sub-scorers onto the document only to score it.
        var score = _scorer!.GetScore();
        var matched = 0;
        var parts = 0u;
        foreach (var part in _parts)
        {
            if (part.DocID == doc)
            {
                matched++;
                parts |= 1u << part.Index;
            }
        }
        var first = doc - _offsets[doc];
        var slot = _groupOfBlock[first] - 1;
        if (slot < 0)
        {
            slot = Count++;
            _groups[slot] = new GroupState(_docBase + first);
            _groupOfBlock[first] = slot + 1;
            facets?.Collect(first);
        }
        ref var group = ref _groups[slot];
        if ((partCount == 0 || matched >= partCount) && !group.MatchesAllParts)
        {
            group.MatchesAllParts = true;
            TotalAllParts++;
        }
        group.Parts |= parts;
        group.Add(_docBase + doc, float.IsNaN(score) ? 0 : score);
    }

    /// <summary>
    /// The best <paramref name="count"/> groups, best first: those matching every part first; then by
    /// <paramref name="updated"/> (a day per material document) when given; then by score, a partial match's
    /// weighed by the share of the query it covers (<see cref="PartCoverage"/>). A bounded heap, so a broad
    /// query does not sort every match; the earlier document wins a tie, so the order is stable.
    /// </summary>
    public List<MaterialGroup> Best(int count, NumericDocValues? updated)
    {
        var coverage = Coverage(count);
        (int, long, float, int) Key(in GroupState g) => g.MatchesAllParts
            ? (1, updated?.Get(g.MaterialDoc) ?? 0, g.Score, -g.MaterialDoc)
            : (0, updated?.Get(g.MaterialDoc) ?? 0, g.Score * (coverage?.Of(g.Parts) ?? 1f), -g.MaterialDoc);
        var worstFirst = new PriorityQueue<int, (int, long, float, int)>(Math.Min(count, Count) + 1);
        for (var slot = 0; slot < Count; slot++)
        {
            var key = Key(_groups[slot]);
            if (worstFirst.Count < count)
                worstFirst.Enqueue(slot, key);
            else if (worstFirst.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
                worstFirst.DequeueEnqueue(slot, key);
        }
        var best = new List<MaterialGroup>(worstFirst.Count);
        while (worstFirst.TryDequeue(out var slot, out _))
            best.Add(_groups[slot].ToGroup());
        best.Reverse();
        return best;
    }

    /// <summary>
    /// The coverage of the query's parts, or none when no partial match can be among the best
    /// <paramref name="count"/>: every group matched all parts, or enough of them did to fill those places.
    /// </summary>
    private PartCoverage? Coverage(int count)
    {
        if (partCount < 2 || TotalAllParts >= Math.Min(count, Count))
            return null;
        var coverage = new PartCoverage(partCount);
        for (var slot = 0; slot < Count; slot++)
            coverage.Add(_groups[slot].Parts);
        return coverage;
    }

    public void Dispose()
    {
        ReturnBlockTable();
        if (_groups.Length > 0)
            ArrayPool<GroupState>.Shared.Return(_groups);
        _groups = [];
        Count = 0;
    }

    private void ReturnBlockTable()
    {
        if (_groupOfBlock.Length > 0)
            ArrayPool<int>.Shared.Return(_groupOfBlock);
        _groupOfBlock = [];
    }

    private void FindParts(Scorer scorer)
    {
        if (scorer is CountedPartQuery.PartScorer part)
        {
            _parts.Add(part);
            return;
        }
        foreach (var child in scorer.GetChildren())
            FindParts(child.Child);
    }

    /// <summary>Each document's offset from its block's first document, read once per segment.</summary>
    internal static int[] BlockOffsets(AtomicReader reader) => Offsets.GetValue(reader.CoreCacheKey, _ => ReadOffsets(reader));

    private static int[] ReadOffsets(AtomicReader reader)
    {
        var values = reader.GetNumericDocValues(BlockOffsetField);
        var offsets = new int[reader.MaxDoc];
        if (values is not null)
        {
            for (var doc = 0; doc < offsets.Length; doc++)
                offsets[doc] = (int)values.Get(doc);
        }
        return offsets;
    }
}
