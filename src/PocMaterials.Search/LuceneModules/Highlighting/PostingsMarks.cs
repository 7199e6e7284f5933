using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PocMaterials.Search.LuceneModules.Highlighting;

/// <summary>
/// Marks for snippets from the offsets a field's postings keep (indexed with offsets), for several
/// documents of one reader: each term is looked up once per segment and its postings are skipped
/// forward from document to document, so the cost grows with the query's terms, not with the text.
/// </summary>
public sealed class PostingsMarks(IndexReader reader, string field, IReadOnlyCollection<string> terms)
{
    /// <summary>The marks of each document, for documents given in any order.</summary>
    public Dictionary<int, List<SnippetHighlighter.Mark>> For(IEnumerable<int> docs)
    {
        var marks = new Dictionary<int, List<SnippetHighlighter.Mark>>();
        var leaves = reader.Leaves;
        foreach (var leafDocs in docs.Distinct().Order().GroupBy(doc => ReaderUtil.SubIndex(doc, leaves)))
        {
            var leaf = leaves[leafDocs.Key];
            var postings = Postings(leaf.AtomicReader);
            foreach (var doc in leafDocs)
            {
                var found = marks[doc] = [];
                var local = doc - leaf.DocBase;
                foreach (var (term, positions) in postings)
                {
                    var at = positions.DocID < local ? positions.Advance(local) : positions.DocID;
                    if (at != local)
                        continue;
                    for (var i = 0; i < positions.Freq; i++)
                    {
                        positions.NextPosition();
                        if (positions.StartOffset >= 0)
                            found.Add(new SnippetHighlighter.Mark(positions.StartOffset, positions.EndOffset, term));
                    }
                }
            }
        }
        return marks;
    }

    private List<(string Term, DocsAndPositionsEnum Positions)> Postings(AtomicReader leaf)
    {
        var postings = new List<(string, DocsAndPositionsEnum)>();
        var termsEnum = terms.Count == 0 ? null : leaf.GetTerms(field)?.GetEnumerator();
        if (termsEnum is null)
            return postings;
        foreach (var term in terms)
        {
            if (termsEnum.SeekExact(new BytesRef(term))
                && termsEnum.DocsAndPositions(leaf.LiveDocs, null, DocsAndPositionsFlags.OFFSETS) is { } positions)
            {
                postings.Add((term, positions));
            }
        }
        return postings;
    }
}
