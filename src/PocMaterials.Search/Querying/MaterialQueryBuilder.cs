using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.LuceneModules.Grouping;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Search.Querying;

/// <summary>
/// Turns a <see cref="UserQuery"/> into Lucene queries over the weighted text fields, its terms looked up in
/// <paramref name="lookup"/>.
/// </summary>
/// <param name="visibleDocFreq">How many materials the viewer may see hold a term.</param>
internal sealed class MaterialQueryBuilder(
    Analyzer textAnalyzer, SearchSynonyms thesaurus, TermLookup lookup, Func<Term, long> visibleDocFreq)
{
    private const float PhraseBoost = 4f;
    private const float CompoundPartsBoost = 0.4f;
    private const float FuzzyBoost = 0.5f;
    private const float FunctionWordBoost = 0.2f;

    /// <summary>
    /// The words as typed rank above their synonyms ("leiderschap" above "beleid", its theme's alias). Where no material
    /// the viewer may see holds the words as typed ("blauwe plekken"), nothing can rank above the synonyms: they count as
    /// the words would, so the concept weighs in a longer query as much as its official term typed would.
    /// </summary>
    private const float SynonymBoost = 0.5f;

    /// <summary>
    /// A concept counts once in a field, by its best member (the words as typed, or a synonym), with a little credit
    /// for the others: a material that names a concept five ways is not five times about it.
    /// </summary>
    private const float SynonymTieBreaker = 0.1f;

    /// <summary>
    /// Any part may match, each marked as a <see cref="CountedPartQuery"/> so the collector can rank the
    /// materials that match every part first; words standing together as typed rank higher.
    /// </summary>
    /// <param name="candidates">Spelling candidates (words of the unstemmed spelling field) a misspelt word may also match.</param>
    public RankedParts? Parts(UserQuery query, IReadOnlyDictionary<string, IReadOnlyList<string>>? candidates = null)
    {
        var combined = new BooleanQuery();
        var count = 0;
        // Function words and a question's verbs need not match, unless the query has nothing else.
        var allOptional = query.Parts.All(p => p.IsOptional);
        foreach (var part in query.Parts)
        {
            var clause = Clause(part);
            if (part is WordPart word && candidates is not null && candidates.TryGetValue(word.Word, out var terms) && terms.Count > 0)
            {
                var either = new BooleanQuery();
                if (clause is not null)
                    either.Add(clause, Occur.SHOULD);
                // A correction is searched as if typed, in every field with its weight, below the word as typed.
                foreach (var term in terms)
                {
                    if (Clause(new WordPart(term)) is { } corrected)
                    {
                        corrected.Boost *= FuzzyBoost;
                        either.Add(corrected, Occur.SHOULD);
                    }
                }
                clause = either;
            }
            if (clause is null)
                continue;
            if (part.IsOptional && !allOptional)
            {
                if (part is WordPart)
                    clause.Boost *= FunctionWordBoost;
                combined.Add(clause, Occur.SHOULD);
                continue;
            }
            combined.Add(new CountedPartQuery(clause, count), Occur.SHOULD);
            count++;
        }
        if (count == 0)
            return null;
        // The words as typed, standing together, rank above the same words scattered.
        if (query.Parts.All(p => p is not PhrasePart))
        {
            var words = query.Parts.SelectMany(p => p is ConceptPart c ? c.Words : [((WordPart)p).Word]).ToList();
            if (words.Count > 1 && Phrase(string.Join(' ', words)) is { } phrase)
                combined.Add(AcrossFields(phrase, [IndexFields.Title, IndexFields.Body], PhraseBoost), Occur.SHOULD);
        }
        return new RankedParts(combined, combined.Clauses.Count > 1 ? count : 0);
    }

    private Query? Clause(QueryPart part) => part switch
    {
        WordPart word => WordQuery(word.Word) is { } q ? AcrossFields(q) : null,
        PhrasePart phrase => Phrase(string.Join(' ', phrase.Words)) is { } q ? AcrossFields(q) : null,
        ConceptPart concept => ConceptClause(concept),
        _ => null,
    };

    /// <summary>A field-independent query template; <see cref="AcrossFields"/> instantiates it per field.</summary>
    private delegate Query FieldQuery(string field);

    private FieldQuery? WordQuery(string word)
    {
        var positions = TokenText.Positions(textAnalyzer, IndexFields.Body, word);
        if (positions.Count == 0)
            return null; // a stop word
        if (positions.Count > 1)
            return Phrase(word);
        var forms = positions[0].Terms;
        // One known part inside an unknown word is no compound ("beroepsgeheym" is a typo, not "beroep").
        if (forms.Count < 3)
            return field => lookup.Query(new Term(field, forms[0]));
        // A compound: the word itself, or all of its parts.
        return field =>
        {
            var parts = new BooleanQuery();
            foreach (var part in forms.Skip(1))
                parts.Add(lookup.Query(new Term(field, part)), Occur.MUST);
            parts.Boost = CompoundPartsBoost;
            return new BooleanQuery
            {
                { lookup.Query(new Term(field, forms[0])), Occur.SHOULD },
                { parts, Occur.SHOULD },
            };
        };
    }

    private FieldQuery? Phrase(string text)
    {
        var positions = TokenText.Positions(textAnalyzer, IndexFields.Body, text);
        if (positions.Count == 0)
            return null;
        return positions.Count == 1 ? WordQuery(text) : WholeWords(positions);
    }

    /// <summary>
    /// Synonyms are matched where they carry meaning: the tags too, where editors name the official terms
    /// ("kindermishandeling", "informatiedeling"); FAQ questions are part of the body too.
    /// </summary>
    private static readonly string[] SynonymFields =
        [IndexFields.Title, IndexFields.Tags, IndexFields.Summary, IndexFields.Taxonomy, IndexFields.Body];

    /// <summary>
    /// The words as typed, matched as they would be as plain words, or one of the synonyms in the fields where synonyms
    /// carry meaning, ranked below them; the concept counts once, by the best of the two. A run of words that is a member
    /// of a synonym set finds at least what the words found by themselves.
    /// </summary>
    /// <remarks>
    /// A synonym of several words is a phrase, which Lucene weighs by the sum of its words' idf, squared: its weight is
    /// divided by its number of words, so "redelijke aanpassingen" does not outrank "STICORDI" where that was typed.
    /// </remarks>
    private Query? ConceptClause(ConceptPart concept)
    {
        var typed = TypedWords(concept.Words);
        var synonyms = concept.Synonyms
            .Select(text => thesaurus.Analysed(text) ?? TokenText.Positions(textAnalyzer, IndexFields.Body, text))
            .Where(positions => positions.Count > 0)
            .Select(positions => (Query: WholeWords(positions), Words: positions.Count))
            .ToList();
        var either = synonyms.Count == 0 ? null : AcrossFields(
            field =>
            {
                var best = new DisjunctionMaxQuery(SynonymTieBreaker);
                foreach (var (synonym, words) in synonyms)
                {
                    var query = synonym(field);
                    query.Boost /= words;
                    best.Add(query);
                }
                return best;
            },
            SynonymFields,
            concept.Words.All(Held) ? SynonymBoost : 1f);
        if (typed is null || either is null)
            return typed ?? either;
        return new DisjunctionMaxQuery(SynonymTieBreaker) { typed, either };
    }

    /// <summary>
    /// A synonym as written: its words whole, standing together. A compound synonym is not split ("zorgteam" is no
    /// "zorg" and "team" apart): the thesaurus lists the terms it means, and the parts of a compound of common words
    /// would match, slowly, much that it does not mean.
    /// </summary>
    private FieldQuery WholeWords(IReadOnlyList<(int Position, List<string> Terms)> positions)
    {
        if (positions.Count == 1)
            return field => lookup.Query(new Term(field, positions[0].Terms[0]));
        return field =>
        {
            var phrase = new PhraseQuery();
            foreach (var (position, terms) in positions)
            {
                var term = new Term(field, terms[0]);
                if (!lookup.Holds(term))
                    return new BooleanQuery();
                phrase.Add(term, position);
            }
            return phrase;
        };
    }

    /// <summary>
    /// Words as typed, as plain words match: each anywhere (every field, compounds), all of them; standing together
    /// as typed ranks higher.
    /// </summary>
    private Query? TypedWords(IReadOnlyList<string> words)
    {
        if (words.Count == 1)
            return WordQuery(words[0]) is { } word ? AcrossFields(word) : null;
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            if (WordQuery(word) is { } query)
                all.Add(AcrossFields(query), Occur.MUST);
        }
        if (all.Clauses.Count == 0)
            return null;
        if (Phrase(string.Join(' ', words)) is { } phrase)
            all.Add(AcrossFields(phrase, [IndexFields.Title, IndexFields.Body]), Occur.SHOULD);
        return all;
    }

    /// <summary>
    /// Whether a material the viewer may see holds the word as typed: the whole word, or every part of a compound (a
    /// text field's document frequency is that of every text field, see FilteredStatisticsSearcher).
    /// </summary>
    private bool Held(string word) => TokenText.Positions(textAnalyzer, IndexFields.Body, word).All(position =>
        Visible(position.Terms[0]) || (position.Terms.Count > 2 && position.Terms.Skip(1).All(Visible)));

    private bool Visible(string term) => visibleDocFreq(new Term(IndexFields.Body, term)) > 0;

    /// <summary>The best-matching field counts (title and questions weigh most), with a little credit for the others.</summary>
    private static DisjunctionMaxQuery AcrossFields(FieldQuery query, IEnumerable<string>? fields = null, float boost = 1f)
    {
        var disjunction = new DisjunctionMaxQuery(0.1f) { Boost = boost };
        foreach (var field in fields ?? IndexFields.TextFieldBoosts.Keys)
        {
            var fieldQuery = query(field);
            fieldQuery.Boost *= IndexFields.TextFieldBoosts[field];
            disjunction.Add(fieldQuery);
        }
        return disjunction;
    }
}

/// <summary>
/// A query whose <paramref name="PartCount"/> counted parts may each match. A query of one part and
/// nothing else counts 0 parts: whatever it matches matches all of it, so nothing needs counting.
/// </summary>
internal sealed record RankedParts(Query Query, int PartCount);
