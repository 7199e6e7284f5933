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
/// Terms, boolean queries (required clauses, or else any optional one), disjunction-max queries and counted parts are
/// matched here; any other query (a phrase) through its own scorer, which checks positions.
/// </remarks>
/// <param name="documents">A term's live documents in a segment, from the term states the query was built with.</param>
internal sealed class MatchingDocuments(Func<Term, AtomicReaderContext, DocsEnum?> documents)
{
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
