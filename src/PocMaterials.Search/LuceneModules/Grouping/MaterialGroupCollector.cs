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
        _offsets = Offsets.GetValue(reader.CoreCacheKey, _ => ReadOffsets(reader));
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
        foreach (var part in _parts)
        {
            if (part.DocID == doc)
                matched++;
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
        group.Add(_docBase + doc, float.IsNaN(score) ? 0 : score);
    }

    /// <summary>
    /// The best <paramref name="count"/> groups, best first: those matching every part first; then by
    /// <paramref name="updated"/> (a day per material document) when given; then by score. A bounded heap,
    /// so a broad query does not sort every match; the earlier document wins a tie, so the order is stable.
    /// </summary>
    public List<MaterialGroup> Best(int count, NumericDocValues? updated)
    {
        (int, long, float, int) Key(in GroupState g) =>
            (g.MatchesAllParts ? 1 : 0, updated?.Get(g.MaterialDoc) ?? 0, g.Score, -g.MaterialDoc);
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

    /// <summary>A group while collecting: its score, and its best question documents, best first, in place.</summary>
    private struct GroupState(int materialDoc)
    {
        /// <summary>
        /// A question document ranks its material at half its score: its question is its title, while the
        /// material's own document holds its questions at half the weight of its title.
        /// </summary>
        private const float QuestionWeight = 0.5f;

        public readonly int MaterialDoc = materialDoc;
        public float Score = float.NegativeInfinity;
        public bool MatchesAllParts;
        private QuestionSlots _questions;
        private int _questionCount;

        public void Add(int doc, float score)
        {
            Score = Math.Max(Score, doc == MaterialDoc ? score : score * QuestionWeight);
            if (doc == MaterialDoc)
                return;
            if (_questionCount == QuestionsPerGroup && score <= _questions[QuestionsPerGroup - 1].Score)
                return;
            // After the questions scoring at least as high: an equal score keeps the earlier document first.
            var at = 0;
            while (at < _questionCount && _questions[at].Score >= score)
                at++;
            for (var i = Math.Min(_questionCount, QuestionsPerGroup - 1); i > at; i--)
                _questions[i] = _questions[i - 1];
            _questions[at] = (doc, score);
            _questionCount = Math.Min(_questionCount + 1, QuestionsPerGroup);
        }

        public readonly MaterialGroup ToGroup()
        {
            var questions = new (int Doc, float Score)[_questionCount];
            for (var i = 0; i < questions.Length; i++)
                questions[i] = _questions[i];
            return new MaterialGroup(MaterialDoc, Score, MatchesAllParts, questions);
        }
    }

    [InlineArray(QuestionsPerGroup)]
    private struct QuestionSlots
    {
        private (int Doc, float Score) _first;
    }
}

/// <summary>
/// A material that matched: its document, its score (its best document's) and its best matching question documents,
/// best first.
/// </summary>
public sealed record MaterialGroup(int MaterialDoc, float Score, bool MatchesAllParts, IReadOnlyList<(int Doc, float Score)> Questions);
