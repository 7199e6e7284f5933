using PocMaterials.Helpdesk.Questions;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Two school years (2024-2025 and 2025-2026) of daily reach for the sample content's centres and a few materials, and of
/// helpdesk questions, so the school-year report's page shows its charts to the screenshots and to people; one centre
/// (Fluxus) is never reached. Fixed figures, no randomness: the same page every run.
/// </summary>
public static class AnnualReportPageData
{
    private const string Centres = "'connect','mandel-en-leie','oostende','deinze-eeklo','oudenaarde-geraardsbergen','prisma','gent',"
        + "'brussel','dender','leuven-tienen-landen','de-ring','rivierenland','nova','vilvoorde','next','mechelen','limburg-noord',"
        + "'adite','antwerpen'";

    private static readonly string[] Themes =
        ["decreet-leersteun", "preventieve-gezondheidszorg", "beroepsgeheim-en-drm", "decreet-leersteun", "onderwijsloopbaanbegeleiding"];

    // Each asked twice in the two years, a year apart: the list shows them as asked more than once.
    private static readonly string[] Texts =
    [
        "Wie beslist over de aanvraag van leersteun voor een leerling in het lager onderwijs?",
        "Welke vaccinaties mag een verpleegkundige geven zonder arts?",
        "Mag ik informatie uit het dossier delen met de school zonder toestemming van de ouders?",
        "Hoeveel uur leersteun krijgt een leerling met een gemotiveerd verslag type basisaanbod?",
        "Welke termijn geldt voor het advies bij de overgang naar het secundair onderwijs?",
        "Kan een leersteuncentrum de begeleiding stopzetten als de school niet meewerkt?",
        "Moet het CLB een audiometrie herhalen als de leerling een hoorapparaat draagt?",
        "Mag een ouder het volledige multidisciplinair dossier opvragen na een echtscheiding?",
        "Wie betaalt het vervoer naar een school buiten de eigen gemeente bij leersteun?",
        "Wat doen we met een attest A dat de klassenraad niet wil uitreiken?",
        "Wanneer verloopt een verslag voor buitengewoon onderwijs bij een verhuis naar een andere regio?",
        "Hoe vaak moet een leerling met diabetes op school gecontroleerd worden door de verpleegkundige?",
        "Mag de school zelf contact opnemen met de huisarts over een leerling met veel afwezigheden?",
        "Kan een leerling met autisme tegelijk leersteun en een individueel aangepast curriculum krijgen?",
        "Hoe vraag ik een onderzoek naar dyscalculie aan voor een leerling in het zesde leerjaar?",
        "Welke studierichting past bij een leerling die een B-attest kreeg in de tweede graad?",
        "Mag een leerkracht medicatie geven aan een leerling tijdens een schooluitstap?",
        "Moet ik de ouders verwittigen als een leerling van zestien zelf om begeleiding vraagt?",
        "Welke gegevens moeten in het dossier bij een melding van verontrusting?",
        "Is een intakegesprek verplicht voor een leerling die van een ander CLB komt?",
        "Hoe lang bewaart het CLB een dossier na het einde van de schoolloopbaan?",
        "Kan de school een leerling weigeren die leersteun nodig heeft?",
        "Mag de verpleegkundige een vaccin toedienen als de toestemming van één ouder ontbreekt?",
        "Welk advies geven we bij twijfel tussen een doorstroom- en een arbeidsmarktfinaliteit?",
        "Wie is aanspreekpunt voor leersteun in een school met twee vestigingen?",
        "Hoe ga ik om met een vraag van de politie naar informatie uit het dossier?",
        "Wanneer is een tweede gezichtsscherpteonderzoek nodig na een afwijkend resultaat?",
        "Mag een leerling met een verslag overstappen naar het gewoon secundair onderwijs?",
        "Welke begeleiding krijgt een leerling die terugkeert na een lange ziekteperiode?",
        "Mag het CLB een leerling doorverwijzen naar een psycholoog zonder de ouders te informeren?",
        "Hoe vul ik het formulier in voor een aanvraag bij het leersteuncentrum?",
        "Kan een leerling uit het vijfde jaar nog van studierichting veranderen na Kerstmis?",
    ];

    /// <summary>
    /// 64 questions, one every 11 days over both school years, through the helpdesk's store: five themes (leersteun twice as
    /// often), every channel (the website's most), six centres; two in three answered (a website question's then scored),
    /// a tenth a FAQ question.
    /// </summary>
    public static async Task WriteQuestionsAsync(QuestionStore store)
    {
        for (var i = 0; i < 64; i++)
        {
            var at = new DateTimeOffset(2024, 9, 9, 8, 0, 0, TimeSpan.Zero).AddDays(11 * i).AddHours(i % 7);
            var channel = (i % 7) switch
            {
                0 or 2 or 4 or 5 => Channels.Website, 1 or 6 => "telefoon", _ => i % 2 == 0 ? "mail" : "sessie",
            };
            var website = channel == Channels.Website;
            var question = await store.RegisterAsync(new NewQuestion(at, channel, Texts[i % Texts.Length], Themes[i % Themes.Length],
                i % 3 == 0 ? "begeleiding" : null, null, website ? ["clb-medewerker"] : [i % 2 == 0 ? "directeur" : "arts"],
                Centres.Split(',')[i % 6].Trim('\''), website ? $"kijker-{i}" : null, null, website ? null : "redacteur",
                website ? null : 10 + (15 * (i % 4))), _ => null, CancellationToken.None);
            if (i % 3 == 2)
                continue;
            var answered = at.AddHours(3 + (11 * (i % 9)));
            await store.AnswerAsync(question.Id, "Zie de fiche.", [], null, "redacteur", answered,
                (_, _) => throw new InvalidOperationException("No address was given: no mail is made."), CancellationToken.None);
            if (website)
                await store.RecordSatisfactionAsync(question.Id, 2 + (i % 4), answered.AddHours(1), CancellationToken.None);
            if (i % 10 == 0)
                await store.RecordFaqAsync(question.Id, "faq-decreet-leersteun", $"vraag-{i}", CancellationToken.None);
        }
    }

    public static Task WriteAsync(string connectionString) => TestPostgres.ExecuteAsync(connectionString, $$"""
        INSERT INTO viewers (pseudonym) SELECT 'jaarverslag-' || g FROM generate_series(1, 760) g;
        -- Each centre's viewers are 40 of its own; a week's are the first few of them, more in busy months and this year.
        INSERT INTO daily_reach
        SELECT w.day, 'centre', c.key, 3 * v.n, 4 * v.n, v.bits
        FROM generate_series('2024-09-02'::date, '2026-08-31'::date, '7 days') AS w(day)
        CROSS JOIN unnest(ARRAY[{{Centres}}]) WITH ORDINALITY AS c(key, ord)
        CROSS JOIN LATERAL (SELECT 4 + (c.ord % 5) + (CASE WHEN extract(month FROM w.day) IN (10, 11, 3) THEN 6 ELSE 0 END)
                                   + (CASE WHEN w.day >= '2025-09-01' THEN 3 ELSE 0 END)
                                   - (CASE WHEN extract(month FROM w.day) IN (7, 8) THEN 4 ELSE 0 END) AS n) AS size
        CROSS JOIN LATERAL (SELECT size.n, varbit_union(viewer_bit(x.id)) AS bits FROM viewers x
                            WHERE x.pseudonym LIKE 'jaarverslag-%'
                              AND substring(x.pseudonym FROM 13)::int BETWEEN (c.ord - 1) * 40 + 1 AND (c.ord - 1) * 40 + size.n) AS v
        WHERE v.n > 0;
        INSERT INTO daily_reach
        SELECT day, 'role', 'clb-medewerker', sum(views)::int, sum(opens)::int, varbit_union(viewers)
        FROM daily_reach WHERE dimension = 'centre' GROUP BY day;
        INSERT INTO daily_reach
        SELECT day, 'material', m.slug, sum(views)::int / m.share, sum(opens)::int / m.share, varbit_union(viewers)
        FROM daily_reach CROSS JOIN (VALUES ('faq-vaccinaties', 2), ('pgz-procedure-audiometrie', 3), ('noodplan-afwezigheid-arts', 5))
            AS m(slug, share)
        WHERE dimension = 'centre' GROUP BY day, m.slug, m.share;
        -- Searches that found nothing then: one finds materials now, one is a corridor word of the glossary.
        INSERT INTO searches
        SELECT gen_random_uuid(), '2025-10-06 10:00+02'::timestamptz + g * interval '1 day', q.query, '{}', 0, 1, '{clb-medewerker}',
               'gent'
        FROM (VALUES ('prikjes', 6), ('hgd intake', 4), ('xqzwvk', 2)) AS q(query, times), generate_series(1, q.times) AS g;
        """);
}
