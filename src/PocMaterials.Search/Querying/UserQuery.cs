using System.Text.RegularExpressions;
using Lucene.Net.Analysis;

namespace PocMaterials.Search.Querying;

/// <summary>
/// What a staff member typed, read as text: quoted phrases, and words; a run of words that is a
/// member of a synonym group becomes a concept. There is no query syntax, so nothing can fail to parse.
/// </summary>
internal sealed partial record UserQuery(IReadOnlyList<QueryPart> Parts)
{
    /// <summary>Bounds the work a single query can ask for.</summary>
    public const int MaxParts = 24;

    public bool IsEmpty => Parts.Count == 0;

    public IEnumerable<string> Words => Parts.OfType<WordPart>().Select(w => w.Word);

    public static UserQuery Parse(string? text, Analyzer spelling, SearchSynonyms synonyms)
    {
        var parts = new List<QueryPart>();
        if (string.IsNullOrWhiteSpace(text))
            return new UserQuery(parts);
        var position = 0;
        foreach (Match quoted in QuotedPhrase().Matches(text))
        {
            AddWords(parts, text[position..quoted.Index], spelling, synonyms);
            var words = TokenText.Words(spelling, "", quoted.Groups[1].Value);
            if (words.Count == 1)
                AddWords(parts, words[0], spelling, synonyms);
            else if (words.Count > 1)
                parts.Add(new PhrasePart(quoted.Groups[1].Value, words));
            position = quoted.Index + quoted.Length;
        }
        AddWords(parts, text[position..], spelling, synonyms);
        return new UserQuery(parts.Take(MaxParts).ToList());
    }

    private static void AddWords(List<QueryPart> parts, string text, Analyzer spelling, SearchSynonyms synonyms)
    {
        var words = TokenText.Words(spelling, "", text);
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(synonyms.MaxWords, words.Count - i); length > 0 && !matched; length--)
            {
                if (synonyms.GroupOf(words.Skip(i).Take(length)) is { } group)
                {
                    parts.Add(new ConceptPart(words.GetRange(i, length), group));
                    i += length;
                    matched = true;
                }
            }
            if (!matched)
                parts.Add(new WordPart(words[i++]));
        }
    }

    [GeneratedRegex("\"([^\"]*)\"?")]
    private static partial Regex QuotedPhrase();
}

internal abstract record QueryPart;

/// <summary>One folded word.</summary>
internal sealed record WordPart(string Word) : QueryPart;

/// <summary>Words the user quoted: they must stand together.</summary>
internal sealed record PhrasePart(string Text, IReadOnlyList<string> Words) : QueryPart;

/// <summary>Words that are a member of a synonym group: any member of the group matches.</summary>
internal sealed record ConceptPart(IReadOnlyList<string> Words, IReadOnlyList<string> Members) : QueryPart;
