using System.IO.Compression;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Util;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// The Dutch words the analysis knows: OpenTaal's word list (see make-dutch-words.sh), accent-folded
/// like the analyzed text. Used to split compounds into real words and to join words typed apart.
/// Loaded once per process; it is read-only.
/// </summary>
public sealed class DutchLexicon
{
    private static readonly Lazy<DutchLexicon> Loaded = new(Load);

    private readonly CharArraySet _words;

    private DutchLexicon(CharArraySet words) => _words = words;

    public static DutchLexicon Shared => Loaded.Value;

    /// <summary>
    /// Particles of separable verbs and prepositions ("aanmelden", "onderwijs", "samenwerking"): words
    /// that start with one are lexicalised, not compounds to split; they also form separable verbs.
    /// </summary>
    public static readonly IReadOnlySet<string> Particles = new HashSet<string>(StringComparer.Ordinal)
    {
        "aan", "af", "achter", "bij", "binnen", "boven", "buiten", "door", "in", "mede", "mee", "na", "neer", "om",
        "onder", "op", "over", "rond", "samen", "tegen", "terug", "toe", "uit", "voor", "weg",
    };

    public bool Contains(string word) => _words.Contains(word);

    public bool Contains(char[] buffer, int start, int length) => _words.Contains(buffer, start, length);

    private static DutchLexicon Load()
    {
        using var stream = typeof(DutchLexicon).Assembly.GetManifestResourceStream("dutch-words.txt.gz")
            ?? throw new InvalidOperationException("The embedded resource dutch-words.txt.gz is missing.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var words = new CharArraySet(DutchAnalyzers.Version, 400_000, ignoreCase: false);
        var folded = new char[256];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.Length > folded.Length / 4)
                continue;
            var length = ASCIIFoldingFilter.FoldToASCII(line.ToCharArray(), 0, folded, 0, line.Length);
            words.Add(new string(folded, 0, length));
        }
        return new DutchLexicon(words);
    }
}
