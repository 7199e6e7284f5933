using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// The analyzers of the material index. Both start from the parts of Lucene's DutchAnalyzer
/// (which is sealed) and fold accents, so "geïntegreerde" and "geintegreerde" are one word.
/// </summary>
public static class DutchAnalyzers
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Dutch stop words, accent-folded because the stop filter runs after folding.</summary>
    internal static readonly CharArraySet StopWords = FoldedStopWords();

    /// <summary>
    /// For searchable text: folding, stop words, compound splitting (the original word is kept and its
    /// parts are added at the same position), plural repair and Snowball stemming.
    /// </summary>
    public static Analyzer Text() => new TextAnalyzer(DutchLexicon.Shared);

    /// <summary>Unstemmed, folded words: the vocabulary for typo tolerance and "did you mean".</summary>
    public static Analyzer Spelling() => new SpellingAnalyzer(dropStopWords: true);

    /// <summary>Unstemmed, folded words with the stop words kept: particles of separable verbs are stop words.</summary>
    public static Analyzer Folded() => new SpellingAnalyzer(dropStopWords: false);

    internal static TokenStream FoldedWords(Tokenizer source) =>
        new ASCIIFoldingFilter(new LowerCaseFilter(Version, source));

    private static CharArraySet FoldedStopWords()
    {
        var set = new CharArraySet(Version, 128, ignoreCase: true);
        foreach (var word in DutchAnalyzer.DefaultStopSet)
        {
            if (word is null)
                continue;
            var input = word.ToCharArray();
            var output = new char[input.Length * 4];
            var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
            set.Add(new string(output, 0, length));
        }
        return set;
    }

    private sealed class TextAnalyzer : Analyzer
    {
        private readonly DutchCompoundSplitter _splitter;
        private readonly StemmerOverrideFilter.StemmerOverrideMap _stemOverrides = BuildOverrides();
        private readonly DutchWordForms _forms;

        public TextAnalyzer(DutchLexicon lexicon)
        {
            _splitter = new DutchCompoundSplitter(lexicon);
            _forms = new DutchWordForms(WordChain);
        }

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new StopFilter(Version, FoldedWords(source), StopWords);
            return new TokenStreamComponents(source, new DutchWordFormFilter(stream, _forms));
        }

        // What happens to each word on its own, run once per distinct word (see DutchWordForms).
        private TokenStream WordChain(TokenStream word)
        {
            TokenStream stream = new DutchCompoundFilter(word, _splitter);
            stream = new DutchPluralFilter(stream, _splitter);
            stream = new StemmerOverrideFilter(stream, _stemOverrides);
            return new SnowballFilter(stream, new global::Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        }

        // The exceptions Lucene's DutchAnalyzer makes to Snowball, so kind and kinderen meet.
        private static StemmerOverrideFilter.StemmerOverrideMap BuildOverrides()
        {
            var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
            builder.Add("fiets", "fiets");
            builder.Add("bromfiets", "bromfiets");
            builder.Add("ei", "eier");
            builder.Add("kind", "kinder");
            return builder.Build();
        }
    }

    private sealed class SpellingAnalyzer(bool dropStopWords) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            var words = FoldedWords(source);
            return new TokenStreamComponents(source, dropStopWords ? new StopFilter(Version, words, StopWords) : words);
        }
    }
}
