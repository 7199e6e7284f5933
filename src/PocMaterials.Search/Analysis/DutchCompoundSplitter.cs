namespace PocMaterials.Search.Analysis;

/// <summary>
/// Splits a Dutch compound into real words of the lexicon: "leerlingenbegeleiding" into leerlingen +
/// begeleiding, "beroepsgeheim" into beroep + (s) + geheim. Guards against accidental substrings: both
/// parts are words of at least <see cref="MinPart"/> letters, only the linking -s- and -en- may stand
/// between them, the longest first part wins, a word starting with a particle is not split
/// ("onderwijs" is no onder + wijs), and derivational endings that are also words are no parts.
/// </summary>
public sealed class DutchCompoundSplitter(DutchLexicon lexicon)
{
    public const int MinWord = 8;
    public const int MinPart = 4;

    /// <summary>Longer tokens are no words (a pasted URL, a hostile query): not tried, which bounds the work.</summary>
    public const int MaxWord = 40;

    /// <summary>
    /// Endings that make a derived or inflected word, not a compound, and happen to be words too:
    /// "lijk" in "mogelijk", "lingen" in "leerlingen", "ende" in "volgende", "ding" in "scheiding".
    /// </summary>
    private static readonly HashSet<string> DerivationalEndings = new(StringComparer.Ordinal)
    {
        "aars", "aren", "baar", "bare", "baren", "ding", "dingen", "ende", "enden", "eren", "heden", "heid", "iele",
        "lende", "lenden", "leren", "lering", "lijk", "lijke", "lijken", "ling", "lingen", "loos", "loze", "matig", "matige",
        "ment", "menten", "rijk", "rijke", "rijker", "rijkste", "ring", "ringen", "schap", "schappelijk", "schappelijke",
        "schappen", "teren", "tuur", "zaam",
    };

    /// <summary>A rest starting with a vowel right after the first part is mostly an ending ("jong|eren"), unless long.</summary>
    private const int MinVowelRest = 6;

    private static readonly string[] Links = ["", "s", "en"];

    /// <summary>Whether the word is in the lexicon or splits into words of it.</summary>
    public bool IsKnown(char[] word, int start, int length) =>
        lexicon.Contains(word, start, length) || Split(word, start, length) is not null;

    /// <summary>The parts (start, length) of <paramref name="word"/>, or null when it is no compound.</summary>
    public List<(int Start, int Length)>? Split(char[] word, int start, int length)
    {
        if (length is < MinWord or > MaxWord)
            return null;
        for (var head = length - MinPart; head >= MinPart; head--)
        {
            if (!IsPart(word, start, head) || DutchLexicon.Particles.Contains(new string(word, start, head)))
                continue;
            // A word as the rest before a compound as the rest: "werkings|middelen", not "werking|smid|delen".
            foreach (var link in Links)
            {
                if (Rest(word, start, length, head, link) is not { } rest || !IsPart(word, rest.Start, rest.Length))
                    continue;
                // "bestuursleden": bestuur + sleden, or bestuur + s + leden? Both readings, when both are words.
                if (link.Length == 0 && word[rest.Start] == 's' && IsPart(word, rest.Start + 1, rest.Length - 1))
                    return [(start, head), rest, (rest.Start + 1, rest.Length - 1)];
                return [(start, head), rest];
            }
            foreach (var link in Links)
            {
                if (Rest(word, start, length, head, link) is { } rest && Split(word, rest.Start, rest.Length) is { } restParts)
                    return [(start, head), .. restParts];
            }
        }
        return null;
    }

    /// <summary>What follows the first part and the link, when the word has that link there.</summary>
    private static (int Start, int Length)? Rest(char[] word, int start, int length, int head, string link)
    {
        var restLength = length - head - link.Length;
        if (restLength < MinPart || !new ReadOnlySpan<char>(word, start + head, link.Length).SequenceEqual(link))
            return null;
        if (link.Length == 0 && restLength < MinVowelRest && "aeiou".Contains(word[start + head], StringComparison.Ordinal))
            return null;
        return (start + head + link.Length, restLength);
    }

    private bool IsPart(char[] word, int start, int length) =>
        length >= MinPart && lexicon.Contains(word, start, length) && !DerivationalEndings.Contains(new string(word, start, length));
}
