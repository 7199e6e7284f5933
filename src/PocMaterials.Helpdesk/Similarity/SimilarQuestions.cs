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

    /// <summary>
    /// The newest questions of a list's theme and month (or of a question's theme) compared: grouping is all pairs in the
    /// worst case, and 2,000 questions are more than POC+ is asked in a year.
    /// </summary>
    public const int MaxCompared = 2000;

    /// <summary>Terms held in more questions than this find no candidates (they still weigh in the share).</summary>
    private const int MaxPosting = 500;

    /// <summary>Question texts never change: their words are analysed once per host.</summary>
    private readonly ConcurrentDictionary<long, Analysed> _analysed = new();

    /// <summary>
    /// The groups of questions (two or more) asked in similar wording, the largest first, each newest first. Each group
    /// gathers the questions like its first-asked one (not like each other in a chain, which would drift from it): the
    /// oldest question starts a group, and each later one joins the group whose first question it is most like.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<QuestionText>> Groups(IReadOnlyList<QuestionText> questions)
    {
        List<QuestionText> oldestFirst = [.. questions.OrderBy(q => q.AskedAt).ThenBy(q => q.Id)];
        var set = new QuestionSet([.. oldestFirst.Select(Analyse)]);
        var groups = new Dictionary<int, List<int>>();
        var firsts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < oldestFirst.Count; i++)
        {
            var best = set.Candidates(i, firsts)
                .Select(first => (First: first, Similarity: set.Similarity(i, first)))
                .Where(c => c.Similarity >= Threshold)
                .OrderByDescending(c => c.Similarity)
                .FirstOrDefault();
            if (best.Similarity > 0)
            {
                groups[best.First].Add(i);
                continue;
            }
            groups[i] = [i];
            set.AddTo(firsts, i);
        }
        return [.. groups.Values
            .Where(g => g.Count > 1)
            .Select(g => (IReadOnlyList<QuestionText>)[.. g.Select(i => oldestFirst[i]).OrderByDescending(q => q.AskedAt)])
            .OrderByDescending(g => g.Count)
            .ThenByDescending(g => g[0].AskedAt)];
    }

    /// <summary>The questions of <paramref name="others"/> like <paramref name="question"/>, the most alike first.</summary>
    public IReadOnlyList<SimilarQuestion> Like(QuestionText question, IReadOnlyList<QuestionText> others)
    {
        List<QuestionText> all = [question, .. others.Where(o => o.Id != question.Id)];
        var set = new QuestionSet([.. all.Select(Analyse)]);
        return [.. set.Candidates(0, set.Postings)
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

        // Per question, each word's weight and their sum: known once the set is, used by every comparison.
        private readonly double[][] _weights;
        private readonly double[] _totals;

        // Marks the candidates of one question, so each is found once without a set per question.
        private readonly int[] _seen;

        public QuestionSet(List<Analysed> questions)
        {
            _questions = questions;
            for (var i = 0; i < questions.Count; i++)
            {
                foreach (var term in questions[i].Terms)
                    (_postings.TryGetValue(term, out var list) ? list : _postings[term] = []).Add(i);
            }
            _weights = [.. questions.Select(q => q.Words.Select(w => Weight(_postings[w[0]].Count)).ToArray())];
            _totals = [.. _weights.Select(w => w.Sum())];
            _seen = new int[questions.Count];
            Array.Fill(_seen, -1);
        }

        /// <summary>A word held by <paramref name="holding"/> of the questions weighs more the fewer they are (IDF).</summary>
        private double Weight(int holding) => Math.Log(1 + ((double)_questions.Count / holding));

        /// <summary>Where each term occurs among all the questions.</summary>
        public IReadOnlyDictionary<string, List<int>> Postings => _postings;

        /// <summary>
        /// The questions of <paramref name="among"/> (postings of some of them) that share a term with question
        /// <paramref name="i"/> that is not in many of all the questions.
        /// </summary>
        public List<int> Candidates(int i, IReadOnlyDictionary<string, List<int>> among)
        {
            var found = new List<int>();
            foreach (var term in _questions[i].Terms)
            {
                if (_postings[term].Count > MaxPosting || !among.TryGetValue(term, out var holding))
                    continue;
                foreach (var j in holding)
                {
                    if (j != i && _seen[j] != i)
                    {
                        _seen[j] = i;
                        found.Add(j);
                    }
                }
            }
            return found;
        }

        /// <summary>Adds question <paramref name="i"/> to the postings of some of the questions.</summary>
        public void AddTo(Dictionary<string, List<int>> postings, int i)
        {
            foreach (var term in _questions[i].Terms)
                (postings.TryGetValue(term, out var list) ? list : postings[term] = []).Add(i);
        }

        public double Similarity(int i, int j)
        {
            var all = _totals[i] + _totals[j];
            return all == 0 ? 0 : (Matched(i, j) + Matched(j, i)) / all;
        }

        /// <summary>The weight of the words of question <paramref name="a"/> that question <paramref name="b"/> has a term of.</summary>
        private double Matched(int a, int b)
        {
            var (words, terms) = (_questions[a].Words, _questions[b].Terms);
            double matched = 0;
            for (var w = 0; w < words.Length; w++)
            {
                foreach (var term in words[w])
                {
                    if (terms.Contains(term))
                    {
                        matched += _weights[a][w];
                        break;
                    }
                }
            }
            return matched;
        }
    }
}
