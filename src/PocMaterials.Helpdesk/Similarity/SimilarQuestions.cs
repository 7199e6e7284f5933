using System.Collections.Concurrent;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Search.Analysis;

namespace PocMaterials.Helpdesk.Similarity;

/// <summary>A question like another, and how alike they are (0 to 1).</summary>
public sealed record SimilarQuestion(QuestionText Question, double Similarity);

/// <summary>
/// Finds questions asked in similar wording with the search engine's own Dutch analysis. A question is its content words
/// (without stop and question words) as the engine indexes them: each a stem with, for a compound, its parts, so
/// "vaccinaties" meets "vaccinatie" and "leerlingenvervoer" meets "vervoer van leerlingen". A word of one question is
/// matched when any of its terms is among the other's; two questions are alike by the weighted share of their words
/// that are matched (the words of both counted), each word weighing more the fewer questions of the set hold it, so
/// "leerling" or "school" alone make no pair.
/// </summary>
public sealed class SimilarQuestions(SearchWords words)
{
    /// <summary>From this share on two questions count as the same question; measured on Dutch pairs (SimilarQuestionsTests).</summary>
    public const double Threshold = 0.5;

    /// <summary>Terms held in this many questions or more find no candidates (they still weigh in the share).</summary>
    private const int MaxPosting = 500;

    /// <summary>Question texts never change: their words are analysed once per host.</summary>
    private readonly ConcurrentDictionary<long, Analysed> _analysed = new();

    /// <summary>The groups of questions (two or more) asked in similar wording, the largest first, each newest first.</summary>
    public IReadOnlyList<IReadOnlyList<QuestionText>> Groups(IReadOnlyList<QuestionText> questions)
    {
        var set = new QuestionSet([.. questions.Select(Analyse)]);
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
        List<QuestionText> all = [question, .. others.Where(o => o.Id != question.Id)];
        var set = new QuestionSet([.. all.Select(Analyse)]);
        return [.. set.Candidates(0)
            .Select(j => new SimilarQuestion(all[j], set.Similarity(0, j)))
            .Where(s => s.Similarity >= Threshold)
            .OrderByDescending(s => s.Similarity)
            .ThenByDescending(s => s.Question.AskedAt)];
    }

    /// <summary>How alike two texts are among a set of questions (which weighs their words): what the threshold is measured with.</summary>
    public double Similarity(string a, string b, IEnumerable<string> among) =>
        new QuestionSet([Analyse(a), Analyse(b), .. among.Select(Analyse)]).Similarity(0, 1);

    private Analysed Analyse(QuestionText question) => _analysed.GetOrAdd(question.Id, _ => Analyse(question.Text));

    private Analysed Analyse(string text)
    {
        var found = words.Words(string.Join(' ', words.ContentWords(text)))
            .DistinctBy(w => w[0], StringComparer.Ordinal)
            .Select(w => w.ToArray())
            .ToArray();
        return new Analysed(found, new HashSet<string>(found.SelectMany(w => w), StringComparer.Ordinal));
    }

    /// <param name="Words">Each word's terms, its stem first.</param>
    /// <param name="Terms">Every term of every word.</param>
    private sealed record Analysed(string[][] Words, HashSet<string> Terms);

    /// <summary>The questions compared: where each term occurs, and so how much each word weighs among them.</summary>
    private sealed class QuestionSet
    {
        private readonly List<Analysed> _questions;
        private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

        public QuestionSet(List<Analysed> questions)
        {
            _questions = questions;
            for (var i = 0; i < questions.Count; i++)
            {
                foreach (var term in questions[i].Terms)
                    (_postings.TryGetValue(term, out var list) ? list : _postings[term] = []).Add(i);
            }
        }

        /// <summary>The questions that share a term with question <paramref name="i"/> that is not in most of them.</summary>
        public IEnumerable<int> Candidates(int i) =>
            _questions[i].Terms.Select(t => _postings[t]).Where(p => p.Count <= MaxPosting).SelectMany(p => p).Where(j => j != i)
                .Distinct();

        public double Similarity(int i, int j)
        {
            var (a, b) = (_questions[i], _questions[j]);
            var (matchedA, allA) = Matched(a, b);
            var (matchedB, allB) = Matched(b, a);
            return allA + allB == 0 ? 0 : (matchedA + matchedB) / (allA + allB);
        }

        /// <summary>The weight of the words of <paramref name="a"/> that <paramref name="b"/> has a term of, and of all of them.</summary>
        private (double Matched, double All) Matched(Analysed a, Analysed b)
        {
            double matched = 0, all = 0;
            foreach (var word in a.Words)
            {
                var weight = Math.Log(1 + ((double)_questions.Count / _postings[word[0]].Count));
                all += weight;
                if (word.Any(b.Terms.Contains))
                    matched += weight;
            }
            return (matched, all);
        }
    }
}
