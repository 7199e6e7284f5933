using System.Numerics;

namespace PocMaterials.Search.LuceneModules.Grouping;

/// <summary>
/// How much of a query a matched material covers, each counted part weighed by how rare it is among the
/// matched materials: ln(1 + materials / materials matching the part). A part no material matched weighs
/// nothing, so a word the bank does not hold lowers no one's coverage.
/// </summary>
/// <remarks>
/// Scores summed over the parts alone let one word matched strongly (in a short title) outrank a material that
/// matches several of a question's telling words; counting the matched parts alike, as Lucene's coord does,
/// lets the common words of a long description (school, leerling, ouders) count as much as the rare word that
/// names the problem. Weighing a partial match's score by the share of the query it covers, each part by its
/// rarity, does neither.
/// </remarks>
internal sealed class PartCoverage(int partCount)
{
    private readonly int[] _frequencies = new int[partCount];
    private int _materials;
    private float[]? _weights;
    private float _total;

    /// <summary>Counts one matched material, with the parts it matched as bits (bit i: counted part i).</summary>
    public void Add(uint parts)
    {
        _materials++;
        for (var bits = parts; bits != 0; bits &= bits - 1)
            _frequencies[BitOperations.TrailingZeroCount(bits)]++;
    }

    /// <summary>The weighted share of the query that <paramref name="parts"/> cover: 1 for every part.</summary>
    public float Of(uint parts)
    {
        if (_weights is null)
        {
            _weights = _frequencies.Select(f => f == 0 ? 0f : (float)Math.Log(1 + ((double)_materials / f))).ToArray();
            _total = _weights.Sum();
        }
        if (_total == 0)
            return 1f;
        var covered = 0f;
        for (var bits = parts; bits != 0; bits &= bits - 1)
            covered += _weights[BitOperations.TrailingZeroCount(bits)];
        return covered / _total;
    }
}
