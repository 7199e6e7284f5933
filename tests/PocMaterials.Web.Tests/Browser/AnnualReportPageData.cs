using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Browser;

/// <summary>
/// Two school years (2024-2025 and 2025-2026) of daily reach for the sample content's centres and a few materials, so the
/// school-year report's page shows its charts to the screenshots and to people; one centre (Fluxus) is never reached.
/// Fixed figures, no randomness: the same page every run.
/// </summary>
public static class AnnualReportPageData
{
    private const string Centres = "'connect','mandel-en-leie','oostende','deinze-eeklo','oudenaarde-geraardsbergen','prisma','gent',"
        + "'brussel','dender','leuven-tienen-landen','de-ring','rivierenland','nova','vilvoorde','next','mechelen','limburg-noord',"
        + "'adite','antwerpen'";

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
