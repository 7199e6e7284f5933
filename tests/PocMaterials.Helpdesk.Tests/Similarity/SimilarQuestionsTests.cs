using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Similarity;
using PocMaterials.Search.Analysis;
using Xunit.Abstractions;

namespace PocMaterials.Helpdesk.Tests.Similarity;

/// <summary>
/// Questions asked in similar wording, measured on Dutch pairs as staff write them, among the questions of a theme's
/// month (every question here, so that words many questions hold weigh little): the same question in other words (stems,
/// plurals, compounds written apart, question words) is found; questions that only share their subject are not.
/// </summary>
public sealed class SimilarQuestionsTests(ITestOutputHelper output)
{
    private static readonly SimilarQuestions Similar = new(new SearchWords());

    public static TheoryData<string, string> Alike => new()
    {
        { "Wie vraagt leersteun aan voor een leerling met autisme?", "Hoe vraag ik leersteun aan voor een leerling met autisme?" },
        {
            "Wie betaalt het leerlingenvervoer naar het buitengewoon onderwijs?",
            "Wie betaalt het vervoer van leerlingen naar het buitengewoon onderwijs?"
        },
        { "Welke vaccinaties krijgt een kind in het eerste leerjaar?", "Welke vaccinatie krijgen kinderen in het eerste leerjaar?" },
        {
            "Mag ik zonder toestemming van de ouders informatie delen met de school?",
            "Mogen we informatie delen met de school zonder toestemming van ouders?"
        },
        { "Hoe lang is een gemotiveerd verslag geldig?", "Hoelang blijft een gemotiveerd verslag geldig?" },
        {
            "Wanneer moet een CLB een melding doen bij vermoeden van kindermishandeling?",
            "Wanneer meldt het CLB een vermoeden van kindermishandeling?"
        },
        {
            "Mag een leerkracht insuline geven aan een leerling met diabetes?",
            "Mag de school insuline toedienen aan een leerling met diabetes?"
        },
        {
            "Welke documenten heeft een anderstalige nieuwkomer nodig voor de inschrijving?",
            "Welke documenten zijn nodig om een anderstalige nieuwkomer in te schrijven?"
        },
    };

    public static TheoryData<string, string> Different => new()
    {
        { "Wie vraagt leersteun aan voor een leerling met autisme?", "Hoeveel uur leersteun krijgt een leerling per week?" },
        { "Welke vaccinaties krijgt een kind in het eerste leerjaar?", "Hoe organiseer ik een oogonderzoek in het eerste leerjaar?" },
        { "Mag ik zonder toestemming van de ouders informatie delen met de school?", "Hoe lang bewaren we een leerlingendossier?" },
        {
            "Wie betaalt het leerlingenvervoer naar het buitengewoon onderwijs?",
            "Wat is het verschil tussen een verslag en een gemotiveerd verslag?"
        },
        { "Hoe meld ik een leerling aan bij een leersteuncentrum?", "Hoe meld ik een vermoeden van radicalisering?" },
        { "Wat doet het CLB bij problematische afwezigheid?", "Wat doet het CLB bij een echtscheiding van de ouders?" },
        { "Mag een leerkracht medicatie geven aan een leerling?", "Mag een leerkracht een leerling straffen?" },
        { "Welke documenten heeft een anderstalige nieuwkomer nodig?", "Welke lessen Nederlands krijgt een anderstalige nieuwkomer?" },
    };

    /// <summary>Every question of the pairs, once.</summary>
    private static IEnumerable<string> Among => Alike.Concat(Different).SelectMany(row => row.Cast<string>()).Distinct();

    [Theory]
    [MemberData(nameof(Alike))]
    public void The_same_question_in_other_words_is_alike(string a, string b)
    {
        var similarity = Similar.Similarity(a, b, Among);
        output.WriteLine($"{similarity:0.00}  {a} | {b}");
        Assert.True(similarity >= SimilarQuestions.Threshold, $"{similarity:0.00}: {a} | {b}");
    }

    [Theory]
    [MemberData(nameof(Different))]
    public void Questions_that_share_a_subject_only_are_not(string a, string b)
    {
        var similarity = Similar.Similarity(a, b, Among);
        output.WriteLine($"{similarity:0.00}  {a} | {b}");
        Assert.True(similarity < SimilarQuestions.Threshold, $"{similarity:0.00}: {a} | {b}");
    }

    [Fact]
    public void Groups_gather_every_wording_of_a_question_and_leave_single_questions_out()
    {
        var at = new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
        string[] texts =
        [
            "Wie betaalt het leerlingenvervoer naar het buitengewoon onderwijs?",
            "Hoe lang is een gemotiveerd verslag geldig?",
            "Wie betaalt het vervoer van leerlingen naar het buitengewoon onderwijs?",
            "Welke vaccinaties krijgt een kind in het eerste leerjaar?",
            "Hoelang blijft een gemotiveerd verslag geldig?",
            "Betaalt de gemeente het leerlingenvervoer naar het buitengewoon onderwijs?",
            "Hoe organiseer ik een oogonderzoek in het eerste leerjaar?",
        ];
        var questions = texts.Select((t, i) => new QuestionText(i + 1, t, at.AddHours(i), QuestionStatus.Open)).ToList();

        var groups = Similar.Groups(questions);
        var like = Similar.Like(questions[0], questions);

        Assert.Equal([[6, 3, 1], [5, 2]], groups.Select(g => g.Select(q => q.Id).ToArray()));
        Assert.Equal([3, 6], like.Select(s => s.Question.Id));
    }
}
