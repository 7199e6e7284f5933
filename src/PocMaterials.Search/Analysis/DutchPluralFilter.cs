using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Brings plural forms that the Snowball Dutch stemmer leaves apart back to their singular:
/// strategieën/strategie, ideeën/idee, vaccinaties/vaccinatie, foto's/foto, prikjes/prikje, and the irregular plurals
/// of dutch-irregular-plurals.txt (leden/lid, schepen/schip), also as the last part of a compound
/// (bestuursleden/bestuurslid). Runs on lower-cased, accent-folded tokens, before the stemmer.
/// </summary>
public sealed class DutchPluralFilter : TokenFilter
{
    private static readonly Dictionary<string, string> Irregular = LoadIrregular();

    private readonly DutchCompoundSplitter _compounds;
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public DutchPluralFilter(TokenStream input, DutchCompoundSplitter compounds)
        : base(input)
    {
        _compounds = compounds;
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (_keyword.IsKeyword)
            return true;
        if (IrregularSingular(_term.Buffer, _term.Length) is { } singular)
            _term.SetEmpty().Append(singular);
        else if (IsEnsPlural(_term.Buffer, _term.Length))
            _term.Length--;
        else
            _term.Length = SingularLength(_term.Buffer, _term.Length);
        return true;
    }

    /// <summary>The singular of an irregular plural, alone or ending a compound whose first part is a word.</summary>
    private string? IrregularSingular(char[] word, int length)
    {
        var text = new ReadOnlySpan<char>(word, 0, length);
        foreach (var (plural, singular) in Irregular)
        {
            if (!text.EndsWith(plural, StringComparison.Ordinal))
                continue;
            if (length == plural.Length)
                return singular;
            var modifier = length - plural.Length;
            if (IsModifier(word, modifier) || (text[modifier - 1] == 's' && IsModifier(word, modifier - 1)))
                return string.Concat(text[..modifier], singular);
        }
        return null;
    }

    /// <summary>
    /// "vermoedens", "tekens": the -s plural of a word ending in -en, which the stemmer would leave as
    /// "vermoeden" while it stems the singular to "vermoed". Only when the singular is a word.
    /// </summary>
    private bool IsEnsPlural(char[] word, int length) =>
        length > 6
        && new ReadOnlySpan<char>(word, 0, length).EndsWith("ens", StringComparison.Ordinal)
        && _compounds.IsKnown(word, 0, length - 1);

    // "overleden" is no plural of "overlid": a particle in front makes a verb form, not a compound.
    private bool IsModifier(char[] word, int length) =>
        length >= DutchCompoundSplitter.MinPart
        && _compounds.IsKnown(word, 0, length)
        && !DutchLexicon.Particles.Contains(new string(word, 0, length));

    internal static int SingularLength(char[] word, int length)
    {
        var text = new ReadOnlySpan<char>(word, 0, length);
        if (text.EndsWith("'s") && length > 3)
            return length - 2;
        // -ieën and -eeën are folded to -ieen and -eeen: drop the -en.
        if ((text.EndsWith("ieen") || text.EndsWith("eeen")) && length > 5)
            return length - 2;
        // -ies after a consonant cluster word: vaccinaties, categories (the stemmer keeps the s after a vowel).
        if (text.EndsWith("ies") && length > 5)
            return length - 1;
        // The -s plural of a diminutive: prikjes, briefjes, pilletjes (the stemmer keeps the s after a j).
        if (text.EndsWith("jes") && length > 4)
            return length - 1;
        return length;
    }

    private static Dictionary<string, string> LoadIrregular()
    {
        using var stream = typeof(DutchPluralFilter).Assembly.GetManifestResourceStream("dutch-irregular-plurals.txt")
            ?? throw new InvalidOperationException("The embedded resource dutch-irregular-plurals.txt is missing.");
        using var reader = new StreamReader(stream);
        var plurals = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && !line.StartsWith('#'))
                plurals[fields[0]] = fields[1];
        }
        return plurals;
    }
}
