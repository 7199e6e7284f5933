using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PocMaterials.Search.Analysis;

/// <summary>
/// Brings plural forms that the Snowball Dutch stemmer leaves apart back to their singular:
/// strategieën/strategie, ideeën/idee, vaccinaties/vaccinatie, foto's/foto.
/// Runs on lower-cased, accent-folded tokens, before the stemmer.
/// </summary>
public sealed class DutchPluralFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public DutchPluralFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        if (!_keyword.IsKeyword)
            _term.Length = SingularLength(_term.Buffer, _term.Length);
        return true;
    }

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
        return length;
    }
}
