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
public sealed class MaterialGroupCollector(int partCount, int questionsPerGroup, ICollector? facets) : ICollector
{
    /// <summary>The numeric doc values field with a document's offset from its block's first document.</summary>
    public const string BlockOffsetField = "block_offset";

    private static readonly ConditionalWeakTable<object, int[]> Offsets = new();

    private readonly Dictionary<int, MaterialGroup> _groups = [];
    private readonly List<CountedPartQuery.PartScorer> _parts = [];
    private Scorer? _scorer;
    private int[] _offsets = [];
    private int _docBase;

    /// <summary>How many groups matched all parts of the query.</summary>
    public int TotalAllParts { get; private set; }

    public IReadOnlyCollection<MaterialGroup> Groups => _groups.Values;

    public bool AcceptsDocsOutOfOrder => partCount == 0;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        var reader = context.AtomicReader;
        _offsets = Offsets.GetValue(reader.CoreCacheKey, _ => ReadOffsets(reader));
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
        if (!_groups.TryGetValue(_docBase + first, out var group))
        {
            group = new MaterialGroup(_docBase + first, questionsPerGroup);
            _groups.Add(group.MaterialDoc, group);
            facets?.Collect(first);
        }
        if ((partCount == 0 || matched >= partCount) && !group.MatchesAllParts)
        {
            group.MatchesAllParts = true;
            TotalAllParts++;
        }
        group.Add(_docBase + doc, float.IsNaN(score) ? 0 : score);
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
}

/// <summary>A material that matched: its document, its score (its best document's) and its best matching question documents.</summary>
public sealed class MaterialGroup(int materialDoc, int maxQuestions)
{
    private List<(int Doc, float Score)>? _questions;

    /// <summary>
    /// A question document ranks its material at half its score: its question is its title, while the
    /// material's own document holds its questions at half the weight of its title.
    /// </summary>
    private const float QuestionWeight = 0.5f;

    public int MaterialDoc { get; } = materialDoc;
    public float Score { get; private set; } = float.NegativeInfinity;
    public bool MatchesAllParts { get; internal set; }

    /// <summary>The best question documents, best first.</summary>
    public IReadOnlyList<(int Doc, float Score)> Questions => _questions ?? [];

    internal void Add(int doc, float score)
    {
        Score = Math.Max(Score, doc == MaterialDoc ? score : score * QuestionWeight);
        if (doc == MaterialDoc || maxQuestions == 0)
            return;
        _questions ??= new List<(int, float)>(maxQuestions + 1);
        if (_questions.Count == maxQuestions && score <= _questions[^1].Score)
            return;
        var at = _questions.FindIndex(q => q.Score < score);
        _questions.Insert(at < 0 ? _questions.Count : at, (doc, score));
        if (_questions.Count > maxQuestions)
            _questions.RemoveAt(maxQuestions);
    }
}
