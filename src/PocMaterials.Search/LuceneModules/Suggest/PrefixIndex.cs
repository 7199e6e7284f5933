namespace PocMaterials.Search.LuceneModules.Suggest;

/// <summary>
/// Completions by word prefix, in place of Lucene's Suggest module: every word of every entry in one
/// sorted array, so the entries with a word that starts with a prefix are one binary-searched range.
/// Words are given folded (lower case, no accents); the index is read-only and safe to share.
/// </summary>
public sealed class PrefixIndex<T>
{
    private readonly string[] _words;
    private readonly int[] _entryOfWord;
    private readonly T[] _entries;
    private readonly string[][] _entryWords;

    public PrefixIndex(IEnumerable<(T Entry, IReadOnlyList<string> Words)> entries)
    {
        var list = entries.ToList();
        _entries = list.Select(e => e.Entry).ToArray();
        _entryWords = list.Select(e => e.Words.Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        var pairs = _entryWords.SelectMany((words, entry) => words.Select(word => (Word: word, Entry: entry)))
            .OrderBy(p => p.Word, StringComparer.Ordinal)
            .ToArray();
        _words = pairs.Select(p => p.Word).ToArray();
        _entryOfWord = pairs.Select(p => p.Entry).ToArray();
    }

    /// <summary>
    /// Entries with a word starting with each of <paramref name="prefixes"/>, accepted by
    /// <paramref name="accept"/>, each once; at most <paramref name="maxScanned"/> words are looked at.
    /// </summary>
    public List<T> Matching(IReadOnlyList<string> prefixes, Func<T, bool> accept, int maxScanned)
    {
        var found = new List<T>();
        if (prefixes.Count == 0)
            return found;
        // The longest prefix has the narrowest range; the others are checked per entry.
        var narrowest = prefixes.MaxBy(p => p.Length)!;
        var seen = new HashSet<int>();
        var end = Math.Min(_words.Length, First(narrowest) + maxScanned);
        for (var i = First(narrowest); i < end && _words[i].StartsWith(narrowest, StringComparison.Ordinal); i++)
        {
            var entry = _entryOfWord[i];
            if (seen.Add(entry) && prefixes.All(p => HasWordStartingWith(_entryWords[entry], p)) && accept(_entries[entry]))
                found.Add(_entries[entry]);
        }
        return found;
    }

    private static bool HasWordStartingWith(string[] words, string prefix) =>
        words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The first index whose word is not ordered before <paramref name="prefix"/>.</summary>
    private int First(string prefix)
    {
        int low = 0, high = _words.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_words[middle], prefix) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
