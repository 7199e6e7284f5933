using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PocMaterials.Search.LuceneModules.Suggest;

namespace PocMaterials.Search.Tests.LuceneModules.Suggest;

/// <summary>
/// Spelling candidates: every term of the field within the distance, sharing the first letter, nearest and most
/// frequent first.
/// </summary>
public sealed class FuzzyVocabularyTests
{
    [Fact]
    public void Finds_the_terms_within_one_or_two_edits_that_share_the_first_letter_across_segments()
    {
        using var directory = new RAMDirectory();
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48));
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var text in new[] { "vaccinatie vaccinatie vacatie", "vaccinaties fascinatie", "vaccinatie" })
            {
                writer.AddDocument([new TextField("spelling", text, Field.Store.NO)]);
                writer.Commit(); // one segment each
            }
            writer.AddDocument([new TextField("spelling", "vacinatei vacinatie bacinatie vakantie", Field.Store.NO)]);
        }
        using var reader = DirectoryReader.Open(directory);
        Assert.True(reader.Leaves.Count > 1);

        var found = FuzzyVocabulary.Candidates(reader, "spelling", "vacinatie", 10, term => reader.DocFreq(term));

        // Not the word itself; not "bacinatie" (another first letter); not "vakantie" or "fascinatie" (three edits).
        Assert.Equal(
            [("vaccinatie", 1, 2L), ("vacinatei", 1, 1L), ("vacatie", 2, 1L), ("vaccinaties", 2, 1L)],
            found.Select(c => (c.Term, c.Edits, c.DocFreq)));
    }

    [Theory]
    [InlineData("vacinatie", "vaccinatie", 1)]
    [InlineData("vacinatie", "vacinatei", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_adjacent_transpositions_as_one_edit(string a, string b, int distance) =>
        Assert.Equal(distance, FuzzyVocabulary.Distance(a, b));
}
