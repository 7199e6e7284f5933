using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Search.Tests.Analysis;

/// <summary>The text analyzer remembers each word's forms: a word analysed again must give the tokens it gave the first time.</summary>
public sealed class DutchWordFormsTests
{
    private const string Text =
        "De leerlingenbegeleiding bespreekt begeleidingsstrategieën met de bestuursleden; kinderen en hun fietsen, "
        + "geïntegreerde vaccinaties en foto's van het leersteuncentrum.";

    private static List<(string Term, int Increment, int Start, int End)> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<(string, int, int, int)>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
            tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
        stream.End();
        return tokens;
    }

    [Fact]
    public void A_word_analysed_again_gives_the_same_terms_positions_and_offsets()
    {
        using var analyzer = DutchAnalyzers.Text();
        var first = Tokens(analyzer, Text);
        var again = Tokens(analyzer, Text);

        Assert.Equal(first, again);
        // The compound's parts stand at its position with its offsets, remembered or not.
        var compound = first.FindIndex(t => t.Start == Text.IndexOf("leerlingenbegeleiding", StringComparison.Ordinal));
        Assert.True(first[compound + 1].Increment == 0 && first[compound + 1].Start == first[compound].Start);
        Assert.True(first.Count > Text.Split(' ').Length, "the compounds' parts are among the tokens");
    }

    [Fact]
    public void Remembered_forms_do_not_depend_on_where_the_word_was_first_seen()
    {
        using var warm = DutchAnalyzers.Text();
        _ = Tokens(warm, "leerlingenbegeleiding kinderen vaccinaties");
        using var cold = DutchAnalyzers.Text();

        Assert.Equal(Tokens(cold, "bij de kinderen: leerlingenbegeleiding, vaccinaties"),
            Tokens(warm, "bij de kinderen: leerlingenbegeleiding, vaccinaties"));
    }

    [Fact]
    public void Threads_share_the_forms_and_each_gets_the_same_tokens()
    {
        using var analyzer = DutchAnalyzers.Text();
        var expected = Tokens(analyzer, Text);

        var results = new List<(string, int, int, int)>[8];
        Parallel.For(0, results.Length, i => results[i] = Tokens(analyzer, Text));

        Assert.All(results, tokens => Assert.Equal(expected, tokens));
    }
}
