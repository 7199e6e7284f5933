using System.Collections.Concurrent;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Helpdesk.Similarity;

/// <summary>A question like another, and how alike they are (0 to 1).</summary>
public sealed record SimilarQuestion(QuestionText Question, double Similarity);

/// <summary>
/// Finds questions asked in similar wording with the search engine's own Dutch analysis: a question is the set of terms
/// the engine indexes its content words under (stems, with the parts of compounds, without stop and question words), so
/// "vaccinaties" meets "vaccinatie" and "leerlingenvervoer" meets "vervoer van leerlingen". Two questions are alike by the
/// weighted share of their terms they have in common (a weighted Jaccard index), each term weighing more the fewer
/// questions of the set use it, so "leerling" or "school" alone make no pair.
/// </summary>
public sealed class SimilarQuestions(SearchWords words)
{
    /// <summary>From this share on two questions count as the same question; measured on Dutch pairs (SimilarQuestionsTests).</summary>
    public const double Threshold = 0.4;

    /// <summary>Terms held in this many questions or more find no candidates (they still weigh in the share).</summary>
    private const int MaxPosting = 500;

    /// <summary>Question texts never change: their terms are analysed once per host.</summary>
    private readonly ConcurrentDictionary<long, string[]> _terms = new();

    /// <summary>The groups of questions (two or more) asked in similar wording, the largest first, each newest first.</summary>
    public IReadOnlyList<IReadOnlyList<QuestionText>> Groups(IReadOnlyList<QuestionText> questions)
    {
        var set = new TermSet(questions.Select(Terms).ToList());
        var parent = Enumerable.Range(0, questions.Count).ToArray();
        int Root(int i) => parent[i] == i ? i : parent[i] = Root(parent[i]);
        for (var i = 0; i < questions.Count; i++)
        {
            foreach (var j in set.Candidates(i).Where(j => j > i))
            {
                if (set.Similarity(i, j) >= Threshold)
                    parent[Root(j)] = Root(i);
            }
        }
        return [.. Enumerable.Range(0, questions.Count)
            .GroupBy(Root)
            .Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<QuestionText>)[.. g.Select(i => questions[i]).OrderByDescending(q => q.AskedAt)])
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g[0].AskedAt)];
    }

    /// <summary>The questions of <paramref name="others"/> like <paramref name="question"/>, the most alike first.</summary>
    public IReadOnlyList<SimilarQuestion> Like(QuestionText question, IReadOnlyList<QuestionText> others)
    {
        var all = others.Where(o => o.Id != question.Id).Prepend(question).ToList();
        var set = new TermSet(all.Select(Terms).ToList());
        return [.. set.Candidates(0)
            .Select(j => new SimilarQuestion(all[j], set.Similarity(0, j)))
            .Where(s => s.Similarity >= Threshold)
            .OrderByDescending(s => s.Similarity)
            .ThenByDescending(s => s.Question.AskedAt)];
    }

    /// <summary>How alike two texts are, on their own (each term weighing alike): for measuring.</summary>
    public double Similarity(string a, string b)
    {
        var set = new TermSet([Analyse(a), Analyse(b)]);
        return set.Similarity(0, 1);
    }

    private string[] Terms(QuestionText question) => _terms.GetOrAdd(question.Id, _ => Analyse(question.Text));

    /// <summary>The terms of the content words: what a search for the question would match.</summary>
    private string[] Analyse(string text) => [.. words.Keys(string.Join(' ', words.ContentWords(text)))];

    /// <summary>The terms of a set of questions, with each term's weight in that set and where it occurs.</summary>
    private sealed class TermSet
    {
        private readonly List<string[]> _terms;
        private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

        public TermSet(List<string[]> terms)
        {
            _terms = terms;
            for (var i = 0; i < terms.Count; i++)
            {
                foreach (var term in terms[i])
                    (_postings.TryGetValue(term, out var list) ? list : _postings[term] = []).Add(i);
            }
        }

        /// <summary>The questions that share a term with question <paramref name="i"/> that is not in most of them.</summary>
        public IEnumerable<int> Candidates(int i) =>
            _terms[i].Select(t => _postings[t]).Where(p => p.Count <= MaxPosting).SelectMany(p => p).Where(j => j != i).Distinct();

        public double Similarity(int i, int j)
        {
            var a = _terms[i];
            var b = _terms[j];
            double shared = 0, all = 0;
            foreach (var term in a.Union(b, StringComparer.Ordinal))
            {
                var weight = Math.Log(1 + ((double)_terms.Count / _postings[term].Count));
                all += weight;
                if (a.Contains(term, StringComparer.Ordinal) && b.Contains(term, StringComparer.Ordinal))
                    shared += weight;
            }
            return all == 0 ? 0 : shared / all;
        }
    }
}
