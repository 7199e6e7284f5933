using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Grouping;

namespace PocMaterials.Search.LuceneModules.Matching;

/// <summary>
/// The documents of one segment a query matches, found without scoring them: the postings of its terms united and
/// intersected as its boolean structure says. Lucene's disjunction scorers score every document they stand on; counting
/// the matches of a broad query needs none of those scores.
/// </summary>
/// <remarks>
/// Terms, exact phrases, boolean queries (required clauses, or else any optional one), disjunction-max queries and
/// counted parts are matched here; any other query through its own scorer. A phrase's positions are read only for a
/// document not matched yet: most documents holding a synonym's words are matched by another of the concept's terms.
/// </remarks>
/// <param name="documents">A term's live documents in a segment, from the term states the query was built with.</param>
/// <param name="positions">The same, with the term's positions in each.</param>
internal sealed class MatchingDocuments(
    Func<Term, AtomicReaderContext, DocsEnum?> documents, Func<Term, AtomicReaderContext, DocsAndPositionsEnum?> positions)
{
    // A phrase's starts on the current document, kept between documents: one search, one instance.
    private readonly List<int> _starts = [];
    private readonly List<int> _others = [];

    /// <summary>Adds to <paramref name="target"/> the live documents of <paramref name="leaf"/> that the query matches.</summary>
    public void AddTo(FixedBitSet target, Query query, AtomicReaderContext leaf)
    {
        switch (query)
        {
            case CountedPartQuery part:
                AddTo(target, part.Inner, leaf);
                break;
            case TermQuery term:
                if (documents(term.Term, leaf) is { } docs)
                    target.Or(docs);
                break;
            case PhraseQuery phrase when phrase.Slop == 0 && phrase.GetTerms().Length > 0:
                AddPhrase(target, phrase, leaf);
                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction.Disjuncts)
                    AddTo(target, disjunct, leaf);
                break;
            case BooleanQuery boolean when boolean.MinimumNumberShouldMatch == 0 && boolean.Clauses.All(c => c.Occur != Occur.MUST_NOT):
                var required = boolean.Clauses.Where(c => c.Occur == Occur.MUST).Select(c => c.Query).ToList();
                if (required.Count == 0)
                {
                    foreach (var clause in boolean.Clauses)
                        AddTo(target, clause.Query, leaf);
                }
                else
                {
                    target.Or(Every(required, leaf).GetIterator());
                }
                break;
            default:
                var iterator = new QueryWrapperFilter(query).GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs)?.GetIterator();
                if (iterator is not null)
                    target.Or(iterator);
                break;
        }
    }

    /// <summary>
    /// The documents holding the phrase's terms at its positions (relative to each other), as Lucene's exact phrase
    /// scorer matches them: the terms' documents intersected, rarest first, then their positions compared.
    /// </summary>
    private void AddPhrase(FixedBitSet target, PhraseQuery phrase, AtomicReaderContext leaf)
    {
        var terms = phrase.GetTerms();
        var offsets = phrase.GetPositions();
        var postings = new (DocsAndPositionsEnum Enum, int Offset)[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            if (positions(terms[i], leaf) is not { } enumeration)
                return;
            postings[i] = (enumeration, offsets[i]);
        }
        Array.Sort(postings, (a, b) => a.Enum.GetCost().CompareTo(b.Enum.GetCost()));
        var lead = postings[0].Enum;
        var doc = lead.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            var next = doc;
            for (var i = 1; i < postings.Length && next == doc; i++)
            {
                var other = postings[i].Enum;
                next = other.DocID < doc ? other.Advance(doc) : other.DocID;
            }
            if (next != doc)
            {
                doc = lead.Advance(next);
                continue;
            }
            if (!target.Get(doc) && AtPositions(postings))
                target.Set(doc);
            doc = lead.NextDoc();
        }
    }

    /// <summary>Whether the enumerations, all on one document, hold their terms at one start plus their offsets.</summary>
    private bool AtPositions((DocsAndPositionsEnum Enum, int Offset)[] postings)
    {
        ReadStarts(postings[0], _starts);
        for (var i = 1; i < postings.Length && _starts.Count > 0; i++)
        {
            ReadStarts(postings[i], _others);
            // Both ascending, as positions are read: keep the starts the other term has too.
            var kept = 0;
            for (int a = 0, b = 0; a < _starts.Count && b < _others.Count;)
            {
                if (_starts[a] < _others[b])
                    a++;
                else if (_starts[a] > _others[b])
                    b++;
                else
                {
                    _starts[kept++] = _starts[a++];
                    b++;
                }
            }
            _starts.RemoveRange(kept, _starts.Count - kept);
        }
        return _starts.Count > 0;
    }

    private static void ReadStarts((DocsAndPositionsEnum Enum, int Offset) postings, List<int> starts)
    {
        starts.Clear();
        for (var i = 0; i < postings.Enum.Freq; i++)
            starts.Add(postings.Enum.NextPosition() - postings.Offset);
    }

    /// <summary>The live documents of <paramref name="leaf"/> that every one of <paramref name="queries"/> matches.</summary>
    private FixedBitSet Every(IReadOnlyList<Query> queries, AtomicReaderContext leaf)
    {
        var all = new FixedBitSet(leaf.AtomicReader.MaxDoc);
        AddTo(all, queries[0], leaf);
        foreach (var query in queries.Skip(1))
        {
            if (all.Cardinality == 0)
                break;
            var these = new FixedBitSet(all.Length);
            AddTo(these, query, leaf);
            all.And(these);
        }
        return all;
    }
}
