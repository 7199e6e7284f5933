using Lucene.Net.Analysis;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Search.Analysis;

/// <summary>A word of a query: folded, possibly joined from words typed apart, with what it means in context.</summary>
/// <param name="IsFunctionWord">A question or function word ("welke", "mogen"): it may match, but need not.</param>
/// <param name="SeparableVerb">For a verb whose particle stands apart ("meld ... aan"), the whole verb ("aanmelden").</param>
internal sealed record QueryWord(string Word, bool IsFunctionWord = false, string? SeparableVerb = null);

/// <summary>
/// Reads the words of a query the way a Dutch speaker means them: stop words out; adjacent words that
/// together form a word of the lexicon joined ("leer achterstand" is "leerachterstand"); a verb whose
/// particle stands later in the sentence known as the whole verb ("hoe meld ik ... aan" means
/// "aanmelden"); question and function words marked, so content words decide what matches.
/// </summary>
internal sealed class DutchQueryWords(Analyzer folded, DutchLexicon lexicon)
{
    /// <summary>At most this many typed words are joined into one.</summary>
    private const int MaxJoined = 3;

    /// <summary>How far before its particle a verb is looked for: a clause, which also bounds the work of a long query.</summary>
    private const int MaxVerbDistance = 10;

    /// <summary>Words of questions that carry no subject, beyond the stop words: question words, modal verbs, pronouns.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "welke", "welk", "wanneer", "waarom", "waar", "waarmee", "waarover", "hoeveel", "mag", "mogen", "moeten", "kunnen",
        "zullen", "wil", "willen", "doe", "doet", "we", "wij", "jullie", "onze", "jouw", "iemand", "precies", "graag", "best",
    };

    public List<QueryWord> Read(string text)
    {
        var tokens = TokenText.Words(folded, "", text);
        var verbs = SeparableVerbs(tokens);
        var words = new List<QueryWord>();
        for (var i = 0; i < tokens.Count;)
        {
            if (DutchAnalyzers.StopWords.Contains(tokens[i]))
            {
                i++;
                continue;
            }
            var (word, length) = Joined(tokens, i);
            words.Add(new QueryWord(word, FunctionWords.Contains(word), length == 1 ? verbs.GetValueOrDefault(i) : null));
            i += length;
        }
        return words;
    }

    /// <summary>The longest run of adjacent content words from <paramref name="start"/> that is one word of the lexicon.</summary>
    private (string Word, int Length) Joined(List<string> tokens, int start)
    {
        for (var length = Math.Min(MaxJoined, tokens.Count - start); length > 1; length--)
        {
            var run = tokens.GetRange(start, length);
            if (run.Any(t => DutchAnalyzers.StopWords.Contains(t) || FunctionWords.Contains(t)))
                continue;
            var joined = string.Concat(run);
            if (lexicon.Contains(joined))
                return (joined, length);
        }
        return (tokens[start], 1);
    }

    /// <summary>
    /// For each particle, left to right, the nearest word before it that forms a verb of the lexicon with
    /// it ("stel ... op": "opstellen"); each verb takes one particle.
    /// </summary>
    private Dictionary<int, string> SeparableVerbs(List<string> tokens)
    {
        var verbs = new Dictionary<int, string>();
        for (var particle = 1; particle < tokens.Count; particle++)
        {
            if (!DutchLexicon.Particles.Contains(tokens[particle]))
                continue;
            for (var verb = particle - 1; verb >= Math.Max(0, particle - MaxVerbDistance); verb--)
            {
                var word = tokens[verb];
                if (verbs.ContainsKey(verb) || DutchLexicon.Particles.Contains(word) || DutchAnalyzers.StopWords.Contains(word))
                    continue;
                if (Infinitives(word).Select(i => tokens[particle] + i).FirstOrDefault(lexicon.Contains) is { } whole)
                {
                    verbs[verb] = whole;
                    break;
                }
            }
        }
        return verbs;
    }

    /// <summary>
    /// Spellings of the infinitive of a present-tense form: meld(t) → melden, stel → stellen, neem → nemen, geef → geven.
    /// </summary>
    private static IEnumerable<string> Infinitives(string form)
    {
        var stem = form.Length > 3 && form.EndsWith('t') ? form[..^1] : form;
        if (stem.Length < 2)
            yield break;
        yield return stem + "en";
        yield return stem + stem[^1] + "en";
        var voiced = stem[^1] switch { 'f' => stem[..^1] + "v", 's' => stem[..^1] + "z", _ => stem };
        yield return voiced + "en";
        // A long vowel written double before the last consonant is written single in the infinitive.
        if (stem.Length >= 3 && stem[^2] == stem[^3] && "aeou".Contains(stem[^2], StringComparison.Ordinal))
            yield return voiced.Remove(voiced.Length - 2, 1) + "en";
    }
}
