using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Facets;

/// <summary>
/// Counts, for each dimension, how many collected documents carry each value of that dimension's
/// SortedSetDocValuesField. Ordinals are counted per segment and turned into values when the segment ends.
/// </summary>
public sealed class FacetCountCollector : ICollector
{
    private readonly string[] _dimensions;
    private readonly Dictionary<string, Dictionary<string, int>> _counts;
    private readonly SortedSetDocValues?[] _values;
    private readonly int[]?[] _segmentCounts;

    public FacetCountCollector(IEnumerable<string> dimensions)
    {
        _dimensions = dimensions.ToArray();
        _counts = _dimensions.ToDictionary(d => d, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
        _values = new SortedSetDocValues?[_dimensions.Length];
        _segmentCounts = new int[]?[_dimensions.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Counts per value, per dimension; complete once the search has finished.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> Counts
    {
        get
        {
            FlushSegment();
            return _counts;
        }
    }

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        for (var i = 0; i < _dimensions.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(_dimensions[i]);
            _values[i] = values;
            _segmentCounts[i] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values)
                continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                _segmentCounts[i]![ord]++;
        }
    }

    private void FlushSegment()
    {
        var term = new BytesRef();
        for (var i = 0; i < _dimensions.Length; i++)
        {
            if (_values[i] is not { } values || _segmentCounts[i] is not { } counts)
                continue;
            var dimension = _counts[_dimensions[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                    continue;
                values.LookupOrd(ord, term);
                var value = term.Utf8ToString();
                dimension[value] = dimension.GetValueOrDefault(value) + counts[ord];
            }
            _values[i] = null;
            _segmentCounts[i] = null;
        }
    }
}
