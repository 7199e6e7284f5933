using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Suggest;

/// <summary>Spelling candidates for a word: the terms of an index field within a few edits of it.</summary>
/// <remarks>
/// Lucene's FuzzyTermsEnum builds Levenshtein automata for every word looked up, which took most of a
/// misspelt query's time and a third of what searches allocated. Instead each segment's terms of the field
/// are read once, grouped by first letter, and a word is compared with the terms that share its first letter
/// and are near its length, by a distance that stops as soon as it passes the limit: the same terms.
/// </remarks>
public static class FuzzyVocabulary
{
    public sealed record Candidate(string Term, int Edits, long DocFreq);

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, SegmentVocabulary>> Vocabularies = new();

    /// <summary>
    /// Terms of <paramref name="field"/> within 1 edit (words under 5 letters) or 2 edits of
    /// <paramref name="word"/>, sharing its first letter, nearest and most frequent first. Frequencies
    /// come from <paramref name="docFreq"/>, so a caller can count within the documents it may see;
    /// terms it counts 0 are left out.
    /// </summary>
    public static IReadOnlyList<Candidate> Candidates(IndexReader reader, string field, string word, int max, Func<Term, long> docFreq)
    {
        if (word.Length < 3)
            return [];
        var maxEdits = word.Length < 5 ? 1 : 2;
        var first = char.IsSurrogatePair(word, 0) ? word[..2] : word[..1];
        var near = new HashSet<string>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var vocabulary = Vocabularies.GetOrCreateValue(leaf.AtomicReader.CoreCacheKey)
                .GetOrAdd(field, f => SegmentVocabulary.Read(leaf.AtomicReader, f));
            foreach (var term in vocabulary.StartingWith(first))
            {
                if (Math.Abs(term.Length - word.Length) <= maxEdits && term != word && Distance(word, term, maxEdits) <= maxEdits)
                    near.Add(term);
            }
        }
        return near
            .Select(term => new Candidate(term, Distance(word, term), docFreq(new Term(field, term))))
            .Where(c => c.DocFreq > 0)
            .OrderBy(c => c.Edits)
            .ThenByDescending(c => c.DocFreq)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b) => Distance(a, b, int.MaxValue);

    /// <summary>The distance, or more than <paramref name="limit"/> as soon as two rows of the table are past it.</summary>
    private static int Distance(string a, string b, int limit)
    {
        // Three rows of the table at a time (a transposition reaches back two), each at an offset in one span.
        var width = b.Length + 1;
        Span<int> rows = width <= 256 ? stackalloc int[3 * width] : new int[3 * width];
        int older = 0, previous = width, current = 2 * width;
        for (var j = 0; j < width; j++)
            rows[previous + j] = j;
        var previousMinimum = 0;
        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var minimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, rows[older + j - 2] + 1);
                rows[current + j] = value;
                minimum = Math.Min(minimum, value);
            }
            if (minimum > limit && previousMinimum > limit)
                return limit + 1;
            previousMinimum = minimum;
            (older, previous, current) = (previous, current, older);
        }
        return rows[previous + b.Length];
    }

    /// <summary>The terms of one field in one segment, in index order, with where each first letter's terms start.</summary>
    private sealed class SegmentVocabulary(string[] terms, Dictionary<string, (int Start, int Count)> byFirstLetter)
    {
        public ArraySegment<string> StartingWith(string first) =>
            byFirstLetter.TryGetValue(first, out var range)
                ? new ArraySegment<string>(terms, range.Start, range.Count)
                : ArraySegment<string>.Empty;

        public static SegmentVocabulary Read(AtomicReader reader, string field)
        {
            var terms = new List<string>();
            var byFirstLetter = new Dictionary<string, (int Start, int Count)>(StringComparer.Ordinal);
            var enumerator = reader.GetTerms(field)?.GetEnumerator();
            while (enumerator is not null && enumerator.MoveNext())
            {
                var term = enumerator.Term.Utf8ToString();
                if (term.Length == 0)
                    continue;
                // Terms are in UTF-8 byte order, which keeps the terms of one first letter together.
                var first = char.IsSurrogatePair(term, 0) ? term[..2] : term[..1];
                byFirstLetter[first] = byFirstLetter.TryGetValue(first, out var range) ? (range.Start, range.Count + 1) : (terms.Count, 1);
                terms.Add(term);
            }
            return new SegmentVocabulary([.. terms], byFirstLetter);
        }
    }
}
