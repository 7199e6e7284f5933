using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Facets;

/// <summary>
/// Counts, for each dimension, how many collected documents carry each value of that dimension's
/// SortedSetDocValuesField. The ordinals of each segment are read from the doc values once and kept
/// in memory for as long as the segment lives: disk-based doc values cost a seek per document.
/// </summary>
public sealed class FacetCountCollector : ICollector
{
    private static readonly ConditionalWeakTable<object, SegmentOrdinals> Cache = new();

    private readonly string[] _dimensions;
    private readonly Dictionary<string, Dictionary<string, int>> _counts;
    private DimensionOrdinals?[] _segment = [];
    private int[]?[] _segmentCounts = [];

    public FacetCountCollector(IEnumerable<string> dimensions)
    {
        _dimensions = dimensions.ToArray();
        _counts = _dimensions.ToDictionary(d => d, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);
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

    /// <summary>Reads a segment's ordinals of the dimensions ahead of its first search.</summary>
    public static void Prepare(AtomicReader reader, IEnumerable<string> dimensions)
    {
        var ordinals = Ordinals(reader);
        foreach (var dimension in dimensions)
            ordinals.For(reader, dimension);
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        var reader = context.AtomicReader;
        var ordinals = Ordinals(reader);
        _segment = _dimensions.Select(d => ordinals.For(reader, d)).ToArray();
        _segmentCounts = _segment.Select(o => o is null ? null : new int[o.Values.Length]).ToArray();
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _segment.Length; i++)
        {
            if (_segment[i] is not { } ordinals)
                continue;
            var counts = _segmentCounts[i]!;
            for (var at = ordinals.Starts[doc]; at < ordinals.Starts[doc + 1]; at++)
                counts[ordinals.Ordinals[at]]++;
        }
    }

    private static SegmentOrdinals Ordinals(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentOrdinals());

    private void FlushSegment()
    {
        for (var i = 0; i < _segment.Length; i++)
        {
            if (_segment[i] is not { } ordinals || _segmentCounts[i] is not { } counts)
                continue;
            var dimension = _counts[_dimensions[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] > 0)
                    dimension[ordinals.Values[ord]] = dimension.GetValueOrDefault(ordinals.Values[ord]) + counts[ord];
            }
        }
        _segment = [];
        _segmentCounts = [];
    }

    /// <summary>A segment's ordinals for each dimension, read on first use.</summary>
    private sealed class SegmentOrdinals
    {
        private readonly Dictionary<string, DimensionOrdinals?> _byDimension = new(StringComparer.Ordinal);

        public DimensionOrdinals? For(AtomicReader reader, string dimension)
        {
            lock (_byDimension)
            {
                if (!_byDimension.TryGetValue(dimension, out var ordinals))
                    _byDimension[dimension] = ordinals = DimensionOrdinals.Read(reader, dimension);
                return ordinals;
            }
        }
    }

    /// <summary>The ordinals of every document in one array, document d's at Starts[d]..Starts[d+1].</summary>
    private sealed record DimensionOrdinals(int[] Starts, int[] Ordinals, string[] Values)
    {
        public static DimensionOrdinals? Read(AtomicReader reader, string dimension)
        {
            var docValues = reader.GetSortedSetDocValues(dimension);
            if (docValues is null)
                return null;
            var values = new string[docValues.ValueCount];
            var term = new BytesRef();
            for (var ord = 0; ord < values.Length; ord++)
            {
                docValues.LookupOrd(ord, term);
                values[ord] = term.Utf8ToString();
            }
            var starts = new int[reader.MaxDoc + 1];
            var ordinals = new List<int>(reader.MaxDoc);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                docValues.SetDocument(doc);
                long ord;
                while ((ord = docValues.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                    ordinals.Add((int)ord);
            }
            starts[reader.MaxDoc] = ordinals.Count;
            return new DimensionOrdinals(starts, [.. ordinals], values);
        }
    }
}
