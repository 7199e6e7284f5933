using PocMaterials.Content.Library;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Bench;

/// <summary>A synthetic question and what became of it: hours to its first answer, the asker's score, a FAQ question.</summary>
internal sealed record SyntheticQuestion(NewQuestion Question, double? AnsweredAfterHours, int? Score, bool Faq);

/// <summary>
/// Helpdesk questions spread as POC+ gets them: a few themes most asked (Zipf over the content's themes), half by the website
/// and the rest by phone, mail and sessions, centres by their staff, busy months in autumn and March and quiet summers; Dutch
/// texts from frames, actors, subjects and situations, so some are asked in similar words and most are not. Half are
/// answered within two weeks (never after now), two in five of the website's answers scored, mostly 4 or 5, and one in thirty
/// answers became a FAQ question. A fixed seed: every run writes the same questions.
/// </summary>
internal static class SyntheticQuestions
{
    private static readonly string[] Frames =
    [
        "Mag {0} {1} {2}?", "Hoe gaat {0} om met {1} {2}?", "Wie beslist over {1} {2}?", "Welke termijn geldt voor {1} {2}?",
        "Moet {0} de ouders verwittigen bij {1} {2}?", "Waar vind ik de procedure voor {1} {2}?",
        "Kan {0} weigeren mee te werken aan {1} {2}?", "Wat zegt de regelgeving over {1} {2}?",
    ];

    private static readonly string[] Actors =
    [
        "een CLB-medewerker", "de verpleegkundige", "de arts", "de school", "het zorgteam", "een leerkracht", "de directeur",
        "het leersteuncentrum", "een trajectbegeleider",
    ];

    private static readonly string[] Subjects =
    [
        "een aanvraag van leersteun", "het gemotiveerd verslag", "een inhaalvaccinatie", "een audiometrie", "een melding van verontrusting",
        "het delen van informatie uit het dossier", "een vermoeden van radicalisering", "de overgang naar het secundair",
        "een B-attest", "problematische afwezigheid", "een leerling met diabetes", "een anderstalige nieuwkomer",
        "huisonderwijs", "een echtscheiding van de ouders", "het multidisciplinair dossier", "een intakegesprek",
        "een individueel aangepast curriculum", "medicatie op school", "het onderwijsloopbaanadvies", "een time-out",
    ];

    private static readonly string[] Situations =
    [
        "in het lager onderwijs", "in het secundair onderwijs", "in het buitengewoon onderwijs", "na een verhuis",
        "zonder toestemming van de ouders", "tijdens een schooluitstap", "bij een leerling van zestien", "in de eerste graad",
        "bij een overstap naar een andere school", "als de ouders het oneens zijn", "in het kleuteronderwijs", "na een lange ziekte",
    ];

    /// <summary>Relative number of questions per month, September first: busy in autumn and March, quiet in summer.</summary>
    private static readonly double[] Months = [1.0, 1.3, 1.3, 0.8, 0.9, 1.0, 1.2, 1.0, 1.0, 0.9, 0.3, 0.3];

    private static readonly string[] Roles = ["arts", "verpleegkundige", "directeur", "coordinator", "teamcoach", "ict-coordinator"];

    public static IEnumerable<SyntheticQuestion> Make(int count, ContentSnapshot content, DateTimeOffset from, DateTimeOffset now)
    {
        var random = new Random(20);
        var themes = content.Themes.Select(t => t.Id).ToArray();
        var themeWeights = themes.Select((_, i) => 1.0 / (i + 1)).ToArray();
        var centres = content.Taxonomy.Centres.All.ToArray();
        var centreWeights = centres.Select(c => (double)(c.Staff ?? 50)).ToArray();
        var processes = content.Taxonomy.CoreProcesses.All.Select(c => c.Id).ToArray();
        var span = (now - from).TotalHours;
        for (var i = 0; i < count; i++)
        {
            DateTimeOffset at;
            do
                at = from.AddHours(span * random.NextDouble());
            while (random.NextDouble() > Months[(at.Month + 3) % 12] / 1.3);
            var channel = random.NextDouble() switch { < 0.55 => Channels.Website, < 0.8 => "telefoon", < 0.95 => "mail", _ => "sessie" };
            var website = channel == Channels.Website;
            IReadOnlyList<string> roles = random.Next(5) == 0 ? [Roles[random.Next(Roles.Length)]] : ["clb-medewerker"];
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, Frames[random.Next(Frames.Length)],
                Actors[random.Next(Actors.Length)], Subjects[random.Next(Subjects.Length)], Situations[random.Next(Situations.Length)]);
            var question = new NewQuestion(at, channel, text, themes[Pick(random, themeWeights)],
                random.Next(5) < 3 ? processes[random.Next(processes.Length)] : null, null,
                website ? ["clb-medewerker", .. roles.Where(r => r != "clb-medewerker")] : roles,
                !website && random.Next(20) == 0 ? null : centres[Pick(random, centreWeights)].Id,
                website ? $"bench-viewer-{random.Next(2000)}" : null, null, website ? null : "bench-editor",
                website || random.Next(10) < 3 ? null : 5 + random.Next(56));
            // Most answers the same or the next day, some after up to two weeks.
            double? after = random.Next(2) == 0 ? Math.Min(24 * 14, 1 + (24 * -Math.Log(1 - random.NextDouble()))) : null;
            if (after is { } hours && at.AddHours(hours) > now)
                after = null;
            int? score = after is not null && website && random.Next(5) < 2 ? random.NextDouble() switch
            {
                < 0.05 => 1, < 0.12 => 2, < 0.27 => 3, < 0.6 => 4, _ => 5,
            } : null;
            yield return new SyntheticQuestion(question, after, score, after is not null && random.Next(30) == 0);
        }
    }

    private static int Pick(Random random, double[] weights)
    {
        var at = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            at -= weights[i];
            if (at < 0)
                return i;
        }
        return weights.Length - 1;
    }
}
