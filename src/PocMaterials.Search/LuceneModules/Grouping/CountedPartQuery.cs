using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Grouping;

/// <summary>
/// Marks one part of a user's query (a word, phrase or concept) so a collector can tell, document by
/// document, how many parts matched: its scorer is found in the scorer tree and is positioned on the
/// document exactly when the part matched. It scores as the query it wraps.
/// </summary>
/// <param name="index">The part's place among the counted parts of its query, from 0 (below <see cref="MaxParts"/>).</param>
public sealed class CountedPartQuery(Query inner, int index) : Query
{
    /// <summary>A collector keeps the parts a document matched as the bits of an integer.</summary>
    public const int MaxParts = 32;

    public Query Inner { get; } = inner;

    public int Index { get; } = index is >= 0 and < MaxParts ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public override Query Rewrite(IndexReader reader)
    {
        var rewritten = Inner.Rewrite(reader);
        return ReferenceEquals(rewritten, Inner) ? this : new CountedPartQuery(rewritten, Index);
    }

    public override void ExtractTerms(ISet<Term> terms) => Inner.ExtractTerms(terms);

    public override Weight CreateWeight(IndexSearcher searcher) => new PartWeight(this, Inner.CreateWeight(searcher));

    public override string ToString(string field) => $"part({Inner.ToString(field)})";

    public override bool Equals(object? obj) => obj is CountedPartQuery other && Index == other.Index && Inner.Equals(other.Inner);

    public override int GetHashCode() => HashCode.Combine(nameof(CountedPartQuery), Inner, Index);

    private sealed class PartWeight(CountedPartQuery query, Weight inner) : Weight
    {
        public override Query Query => query;

        public override bool ScoresDocsOutOfOrder => false;

        public override Explanation Explain(AtomicReaderContext context, int doc) => inner.Explain(context, doc);

        public override float GetValueForNormalization() => inner.GetValueForNormalization();

        public override void Normalize(float norm, float topLevelBoost) => inner.Normalize(norm, topLevelBoost);

        public override Scorer? GetScorer(AtomicReaderContext context, IBits acceptDocs) =>
            inner.GetScorer(context, acceptDocs) is { } scorer ? new PartScorer(this, scorer) : null;
    }

    /// <summary>The scorer of one part; a collector counts the part scorers that stand on its document.</summary>
    public sealed class PartScorer(Weight weight, Scorer inner) : Scorer(weight)
    {
        /// <summary>The part's place among the counted parts (<see cref="CountedPartQuery.Index"/>).</summary>
        public int Index { get; } = ((CountedPartQuery)weight.Query).Index;

        public override int DocID => inner.DocID;

        public override int Freq => inner.Freq;

        public override int NextDoc() => inner.NextDoc();

        public override int Advance(int target) => inner.Advance(target);

        public override float GetScore() => inner.GetScore();

        public override long GetCost() => inner.GetCost();

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(inner, "PART")];
    }
}
