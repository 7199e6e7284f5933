using System.Runtime.CompilerServices;

namespace PocMaterials.Search.LuceneModules.Grouping;

/// <summary>
/// A material that matched: its document, its score (its best document's) and its best matching question documents,
/// best first.
/// </summary>
public sealed record MaterialGroup(int MaterialDoc, float Score, bool MatchesAllParts, IReadOnlyList<(int Doc, float Score)> Questions);

/// <summary>A group while collecting: its score, and its best question documents, best first, in place.</summary>
internal struct GroupState(int materialDoc)
{
    /// <summary>
    /// A question document ranks its material at half its score: its question is its title, while the
    /// material's own document holds its questions at half the weight of its title.
    /// </summary>
    private const float QuestionWeight = 0.5f;

    private const int Slots = MaterialGroupCollector.QuestionsPerGroup;

    public readonly int MaterialDoc = materialDoc;
    public float Score = float.NegativeInfinity;
    public bool MatchesAllParts;

    /// <summary>The counted parts its documents matched, as bits (bit i: part i).</summary>
    public uint Parts;

    private QuestionSlots _questions;
    private int _questionCount;

    public void Add(int doc, float score)
    {
        Score = Math.Max(Score, doc == MaterialDoc ? score : score * QuestionWeight);
        if (doc == MaterialDoc)
            return;
        if (_questionCount == Slots && score <= _questions[Slots - 1].Score)
            return;
        // After the questions scoring at least as high: an equal score keeps the earlier document first.
        var at = 0;
        while (at < _questionCount && _questions[at].Score >= score)
            at++;
        for (var i = Math.Min(_questionCount, Slots - 1); i > at; i--)
            _questions[i] = _questions[i - 1];
        _questions[at] = (doc, score);
        _questionCount = Math.Min(_questionCount + 1, Slots);
    }

    public readonly MaterialGroup ToGroup()
    {
        var questions = new (int Doc, float Score)[_questionCount];
        for (var i = 0; i < questions.Length; i++)
            questions[i] = _questions[i];
        return new MaterialGroup(MaterialDoc, Score, MatchesAllParts, questions);
    }
}

[InlineArray(MaterialGroupCollector.QuestionsPerGroup)]
internal struct QuestionSlots
{
    private (int Doc, float Score) _first;
}
