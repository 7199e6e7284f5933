using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>Runs an analyzer over a piece of text and returns its terms grouped by position.</summary>
internal static class TokenText
{
    /// <returns>One entry a position: the terms there, the first being the word itself, the rest its compound parts.</returns>
    public static List<(int Position, List<string> Terms)> Positions(Analyzer analyzer, string field, string text)
    {
        var positions = new List<(int, List<string>)>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 || positions.Count == 0)
            {
                position += Math.Max(1, increment.PositionIncrement);
                positions.Add((position, []));
            }
            var value = term.ToString();
            if (!positions[^1].Item2.Contains(value))
                positions[^1].Item2.Add(value);
        }
        stream.End();
        return positions;
    }

    public static List<string> Words(Analyzer analyzer, string field, string text) =>
        Positions(analyzer, field, text).Select(p => p.Terms[0]).ToList();
}
