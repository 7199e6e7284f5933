using System.Text;

namespace PocMaterials.Search.LuceneModules.Highlighting;

/// <summary>
/// Builds an HTML snippet of stored text with &lt;mark&gt; around the words whose analyzed terms the
/// query matched. Offsets come from the field's postings (indexed with offsets), so stemmed, folded and
/// decompounded matches are marked on the words as written.
/// </summary>
public static class SnippetHighlighter
{
    /// <summary>How many marks a snippet is chosen from; a word repeated thousands of times adds nothing.</summary>
    private const int MaxMarks = 512;

    /// <summary>A range of the text that matched the query.</summary>
    public readonly record struct Mark(int Start, int End, string Term);

    /// <param name="text">The stored text (plain, not HTML).</param>
    /// <param name="marks">Character ranges of <paramref name="text"/> to mark, with the term each matched.</param>
    /// <param name="length">The snippet's length in characters, about.</param>
    public static string Snippet(string text, IEnumerable<Mark> marks, int length = 220)
    {
        var merged = Merge(marks.Where(m => m.End <= text.Length).OrderBy(m => m.Start).Take(MaxMarks).ToList());
        var (from, to) = BestWindow(text, merged, length);
        var html = new StringBuilder();
        if (from > 0)
            html.Append('…');
        var position = from;
        foreach (var mark in merged.Where(m => m.Start >= from && m.End <= to))
        {
            html.Append(Escape(text[position..mark.Start]));
            html.Append("<mark>").Append(Escape(text[mark.Start..mark.End])).Append("</mark>");
            position = mark.End;
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

    private static List<Mark> Merge(List<Mark> marks)
    {
        var merged = new List<Mark>();
        foreach (var mark in marks.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            if (merged.Count > 0 && mark.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, mark.End) };
            }
            else
            {
                merged.Add(mark);
            }
        }
        return merged;
    }

    /// <summary>
    /// The window of about <paramref name="length"/> characters with the most distinct matched terms, cut at word boundaries.
    /// </summary>
    private static (int From, int To) BestWindow(string text, List<Mark> marks, int length)
    {
        if (text.Length <= length)
            return (0, text.Length);
        // A sliding window over the marks (in text order): the start whose window holds the most distinct terms.
        var bestStart = 0;
        var bestScore = -1;
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var end = 0;
        for (var i = 0; i < marks.Count; i++)
        {
            var windowEnd = marks[i].Start + length;
            for (; end < marks.Count && marks[end].End <= windowEnd; end++)
                inWindow[marks[end].Term] = inWindow.GetValueOrDefault(marks[end].Term) + 1;
            if (inWindow.Count > bestScore)
            {
                bestScore = inWindow.Count;
                bestStart = marks[i].Start;
            }
            if (end > i && --inWindow[marks[i].Term] == 0)
                inWindow.Remove(marks[i].Term);
            end = Math.Max(end, i + 1);
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
