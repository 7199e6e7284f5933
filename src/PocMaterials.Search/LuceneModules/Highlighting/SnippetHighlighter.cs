using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.LuceneModules.Highlighting;

/// <summary>
/// Builds an HTML snippet of stored text with &lt;mark&gt; around the words whose analyzed terms the
/// query matched. The text is re-analyzed with the same analyzers as at index time, so stemmed,
/// folded and decompounded matches are marked on the words as written.
/// </summary>
public static class SnippetHighlighter
{
    /// <param name="text">The stored text (plain, not HTML).</param>
    /// <param name="termsByAnalyzer">For each analyzer, the terms that count as a match when it produces them.</param>
    /// <param name="length">The snippet's length in characters, about.</param>
    public static string Snippet(string text, IEnumerable<(Analyzer Analyzer, string Field, IReadOnlySet<string> Terms)> termsByAnalyzer, int length = 220)
    {
        var marks = new List<(int Start, int End, string Term)>();
        foreach (var (analyzer, field, terms) in termsByAnalyzer)
        {
            if (terms.Count > 0)
                marks.AddRange(MatchedOffsets(analyzer, field, text, terms));
        }
        var merged = Merge(marks);
        var (from, to) = BestWindow(text, merged, length);
        var html = new StringBuilder();
        if (from > 0)
            html.Append('…');
        var position = from;
        foreach (var (start, end, _) in merged.Where(m => m.Start >= from && m.End <= to))
        {
            html.Append(Escape(text[position..start]));
            html.Append("<mark>").Append(Escape(text[start..end])).Append("</mark>");
            position = end;
        }
        html.Append(Escape(text[position..to]));
        if (to < text.Length)
            html.Append('…');
        return html.ToString().Replace('\n', ' ');
    }

    // Escapes markup only; letters such as ë stay as they are for JSON clients.
    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static List<(int Start, int End, string Term)> MatchedOffsets(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var found = new List<(int, int, string)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (terms.Contains(value))
                found.Add((offset.StartOffset, offset.EndOffset, value));
        }
        stream.End();
        return found;
    }

    private static List<(int Start, int End, string Term)> Merge(List<(int Start, int End, string Term)> marks)
    {
        var merged = new List<(int Start, int End, string Term)>();
        foreach (var mark in marks.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (merged.Count > 0 && mark.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Math.Max(last.End, mark.End), last.Term);
            }
            else
            {
                merged.Add(mark);
            }
        }
        return merged;
    }

    /// <summary>The window of about <paramref name="length"/> characters with the most distinct matched terms, cut at word boundaries.</summary>
    private static (int From, int To) BestWindow(string text, List<(int Start, int End, string Term)> marks, int length)
    {
        if (text.Length <= length)
            return (0, text.Length);
        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i < marks.Count; i++)
        {
            var windowEnd = marks[i].Start + length;
            var score = marks.Skip(i).TakeWhile(m => m.End <= windowEnd).Select(m => m.Term).Distinct().Count();
            if (score > bestScore)
            {
                bestScore = score;
                bestStart = marks[i].Start;
            }
        }
        // Some context before the first match, starting at a word.
        var from = bestScore < 0 ? 0 : Math.Max(0, bestStart - (length / 4));
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
            from--;
        var to = Math.Min(text.Length, from + length);
        while (to < text.Length && !char.IsWhiteSpace(text[to]) && to - from < length + 30)
            to++;
        // Never cut a mark in half.
        foreach (var mark in marks.Where(m => m.Start < to && m.End > to))
            to = mark.End;
        return (from, to);
    }
}
