using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace PocMaterials.Search.LuceneModules.Suggest;

/// <summary>Spelling candidates for a word: the terms of an index field within a few edits of it.</summary>
public static class FuzzyVocabulary
{
    public sealed record Candidate(string Term, int Edits, long DocFreq);

    /// <summary>
    /// Terms of <paramref name="field"/> within 1 edit (words under 5 letters) or 2 edits of
    /// <paramref name="word"/>, sharing its first letter, nearest and most frequent first. Frequencies
    /// come from <paramref name="docFreq"/>, so a caller can count within the documents it may see;
    /// terms it counts 0 are left out.
    /// </summary>
    public static IReadOnlyList<Candidate> Candidates(IndexReader reader, string field, string word, int max, Func<Term, long> docFreq)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null || word.Length < 3)
            return [];
        var maxEdits = word.Length < 5 ? 1 : 2;
        var prefix = char.IsSurrogatePair(word, 0) ? 2 : 1;
        // One automaton for the widest distance (FuzzyTermsEnum builds one per distance, most of its cost);
        // the distance of each term it accepts is counted exactly below.
        var within = BasicOperations.Concatenate(
            BasicAutomata.MakeString(word[..prefix]),
            new LevenshteinAutomata(word[prefix..], withTranspositions: true).ToAutomaton(maxEdits));
        var accepted = terms.Intersect(new CompiledAutomaton(within, finite: true, simplify: false), null);
        var candidates = new List<Candidate>();
        while (accepted.MoveNext())
        {
            var text = accepted.Term.Utf8ToString();
            if (text == word)
                continue;
            candidates.Add(new Candidate(text, Distance(word, text), docFreq(new Term(field, text))));
        }
        return candidates
            .Where(c => c.DocFreq > 0)
            .OrderBy(c => c.Edits)
            .ThenByDescending(c => c.DocFreq)
            .ThenBy(c => c.Term, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
