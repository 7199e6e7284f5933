using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Scoring;

/// <summary>
/// BM25 (k1 = 1.2, b = 0.75), scoring and writing norms exactly as Lucene's <see cref="BM25Similarity"/> does.
/// Lucene's computes, for every term of every query, a table of 256 length factors that depends only on the
/// field's average length; a query over six fields with synonyms and phrases has dozens of terms, and those
/// tables cost a tenth of a typical search. Here each table is made once per average length and shared.
/// </summary>
public sealed class Bm25 : Similarity
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    // Tables are per average length, which changes only when the visible documents do; the bound only guards growth.
    private const int MaxTables = 1024;

    /// <summary>The length each norm byte stands for: the norm holds 1/sqrt(length).</summary>
    private static readonly float[] Lengths = Enumerable.Range(0, 256)
        .Select(b => SmallSingle.SByte315ToSingle((sbyte)b) is var f && f != 0 ? 1 / (f * f) : float.PositiveInfinity)
        .ToArray();

    private readonly ConcurrentDictionary<float, float[]> _tables = new();

    public override long ComputeNorm(FieldInvertState state) =>
        SmallSingle.SingleToByte315(state.Boost / (float)Math.Sqrt(state.Length - state.NumOverlap));

    public override SimWeight ComputeWeight(float queryBoost, CollectionStatistics collectionStats, params TermStatistics[] termStats)
    {
        // A phrase weighs the sum of its terms' idf, as in Lucene.
        var idf = termStats.Sum(t => (float)Math.Log(1 + ((collectionStats.MaxDoc - t.DocFreq + 0.5) / (t.DocFreq + 0.5))));
        var total = collectionStats.SumTotalTermFreq;
        var average = total <= 0 ? 1f : (float)(total / (double)collectionStats.MaxDoc);
        var table = _tables.GetOrAddBounded(average, a => Lengths.Select(length => K1 * (1 - B + (B * length / a))).ToArray(), MaxTables);
        return new Weight(collectionStats.Field, idf, queryBoost, table);
    }

    public override SimScorer GetSimScorer(SimWeight weight, AtomicReaderContext context)
    {
        var stats = (Weight)weight;
        return new Scorer(stats, context.AtomicReader.GetNormValues(stats.Field));
    }

    private sealed class Weight(string fieldName, float idf, float queryBoost, float[] table) : SimWeight
    {
        public string Field => fieldName;

        public float[] Table => table;

        /// <summary>idf × boosts × (k1 + 1), set by <see cref="Normalize"/>.</summary>
        public float Factor { get; private set; }

        // TF-IDF-like, as Lucene's BM25 gives, though BM25 is not normalised by it.
        public override float GetValueForNormalization() => idf * queryBoost * idf * queryBoost;

        public override void Normalize(float queryNorm, float topLevelBoost) => Factor = idf * queryBoost * topLevelBoost * (K1 + 1);
    }

    private sealed class Scorer(Weight weight, NumericDocValues? norms) : SimScorer
    {
        // Without norms, as if b were 0.
        public override float Score(int doc, float freq) =>
            weight.Factor * freq / (freq + (norms is null ? K1 : weight.Table[(byte)norms.Get(doc)]));

        public override float ComputeSlopFactor(int distance) => 1f / (distance + 1);

        public override float ComputePayloadFactor(int doc, int start, int end, BytesRef payload) => 1f;
    }
}
