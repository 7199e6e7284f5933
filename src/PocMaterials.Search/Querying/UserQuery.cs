using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using PocMaterials.Search.Analysis;
using PocMaterials.Search.LuceneModules.Grouping;

namespace PocMaterials.Search.Querying;

/// <summary>
/// What a staff member typed, read as text: quoted phrases, and words (read by <see cref="DutchQueryWords"/>);
/// a run of words that is a member of a synonym set (known by its stems) becomes a concept, and so does a verb whose
/// particle stands apart. There is no query syntax, so nothing can fail to parse.
/// </summary>
internal sealed partial record UserQuery(IReadOnlyList<QueryPart> Parts)
{
    /// <summary>Bounds the work a single query can ask for; at most <see cref="CountedPartQuery.MaxParts"/>.</summary>
    public const int MaxParts = 24;

    public bool IsEmpty => Parts.Count == 0;

    public IEnumerable<string> Words => Parts.OfType<WordPart>().Select(w => w.Word);

    public static UserQuery Parse(string? text, Analyzer spelling, DutchQueryWords queryWords, SearchSynonyms synonyms)
    {
        var parts = new List<QueryPart>();
        if (string.IsNullOrWhiteSpace(text))
            return new UserQuery(parts);
        var position = 0;
        foreach (Match quoted in QuotedPhrase().Matches(text))
        {
            AddWords(parts, queryWords.Read(text[position..quoted.Index]), synonyms);
            var words = TokenText.Words(spelling, "", quoted.Groups[1].Value);
            if (words.Count == 1)
                AddWords(parts, [new QueryWord(words[0])], synonyms);
            else if (words.Count > 1)
                parts.Add(new PhrasePart(quoted.Groups[1].Value, words));
            position = quoted.Index + quoted.Length;
        }
        AddWords(parts, queryWords.Read(text[position..]), synonyms);
        return new UserQuery(parts.Take(MaxParts).ToList());
    }

    private static void AddWords(List<QueryPart> parts, List<QueryWord> words, SearchSynonyms synonyms)
    {
        var keys = synonyms.Keys(words.Select(w => w.Word));
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(synonyms.MaxWords, words.Count - i); length > 0 && !matched; length--)
            {
                if (synonyms.SynonymsOf(keys.Skip(i).Take(length)) is { } others)
                {
                    parts.Add(new ConceptPart(words.GetRange(i, length).Select(w => w.Word).ToList(), others));
                    i += length;
                    matched = true;
                }
            }
            if (matched)
                continue;
            var word = words[i++];
            // The verb of a question says what to do with its subject: it ranks, but need not match.
            parts.Add(word.SeparableVerb is { } verb
                ? new ConceptPart([word.Word], [verb], IsOptional: true)
                : new WordPart(word.Word, word.IsFunctionWord));
        }
    }

    [GeneratedRegex("\"([^\"]*)\"?")]
    private static partial Regex QuotedPhrase();
}

internal abstract record QueryPart
{
    /// <summary>Whether a material matches every word of the query without matching this part.</summary>
    public virtual bool IsOptional => false;
}

/// <summary>One folded word; a function word may match but need not.</summary>
internal sealed record WordPart(string Word, bool IsFunctionWord = false) : QueryPart
{
    public override bool IsOptional => IsFunctionWord;
}

/// <summary>Words the user quoted: they must stand together.</summary>
internal sealed record PhrasePart(string Text, IReadOnlyList<string> Words) : QueryPart;

/// <summary>
/// Words that are a member of a synonym set, or a verb and its whole form: the words as typed match, and so does
/// each of <paramref name="Synonyms"/> (the other members of its sets, or the whole verb), ranked below them.
/// </summary>
internal sealed record ConceptPart(IReadOnlyList<string> Words, IReadOnlyList<string> Synonyms, bool IsOptional = false) : QueryPart
{
    public override bool IsOptional { get; } = IsOptional;
}
