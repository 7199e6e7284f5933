namespace PocMaterials.Web.Tests.Reports;

/// <summary>A day's reach row as written to daily_reach: its views and the viewers (1, 2, 3) among them.</summary>
public sealed record SeededReach(DateOnly Day, string Dimension, string Key, int Views, int[] Viewers);

/// <summary>A search at an instant, its normalised query and number of results.</summary>
public sealed record SeededSearch(DateTimeOffset At, string Query, int Results);

/// <summary>A "was dit nuttig?" vote on a material; the comment holds a name that the report must never show.</summary>
public sealed record SeededVote(DateTimeOffset At, string Slug, bool Helpful);

/// <summary>A newsletter subscriber (ids from 1 in this order), with the roles and centre their deliveries keep.</summary>
public sealed record SeededSubscriber(string Centre, string[] Roles, DateTimeOffset? Unsubscribed);

/// <summary>A mail of an issue (ids from 1 in the order of <see cref="AnnualReportSeed.Issues"/>) to a subscriber.</summary>
public sealed record SeededDelivery(int Issue, int Subscriber, string Status);

/// <summary>An open or click of a subscriber's mail, a reader's or a mail scanner's (automated).</summary>
public sealed record SeededEvent(int Issue, int Subscriber, string Kind, int Count, bool Automated);

/// <summary>
/// Two school years of rows (2030-2031 and 2031-2032) and a day after them, with the year boundaries on both sides: the
/// test writes them to the database and computes every expected figure from them.
/// </summary>
public static class AnnualReportSeed
{
    public static readonly SeededReach[] ReachRows =
    [
        .. Day(new(2030, 10, 2), 1, [1], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2031, 3, 9), 6, [2, 3], "fiche-b", "gent", "clb-medewerker"),
        .. Day(new(2031, 8, 31), 4, [1, 2], "fiche-b", "gent", "clb-medewerker"),
        .. Day(new(2031, 9, 1), 3, [1, 2], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2031, 11, 1), 1, [3], "fiche-b", "brussel", "arts"),
        .. Day(new(2032, 3, 5), 2, [2, 3], "fiche-a", "gent", "clb-medewerker"),
        .. Day(new(2032, 3, 20), 5, [1], "fiche-b", "brussel", "clb-medewerker"),
        .. Day(new(2032, 9, 1), 7, [1], "fiche-a", "gent", "clb-medewerker"),
    ];

    /// <summary>A query staff typed with markup in it: the report's HTML must show it as text.</summary>
    public const string Markup = "<b>vet</b> & co";

    /// <summary>Searched without results, and since made an alias of the glossary's leersteuncentrum.</summary>
    public const string SinceAnAlias = "schoolsteun";

    public static readonly SeededSearch[] Searches =
    [
        new(At(2030, 10, 3, 10), "beroepsgeheim", 3),
        new(At(2031, 1, 3, 10), "leersteun", 2),
        // 22:00 in Brussels on 31 August: the previous school year; 01:30 on 1 September: this one.
        new(new DateTimeOffset(2031, 8, 31, 20, 0, 0, TimeSpan.Zero), "xyz", 0),
        new(new DateTimeOffset(2031, 8, 31, 23, 30, 0, TimeSpan.Zero), "xyz", 0),
        new(At(2031, 10, 3, 10), "leersteun", 2),
        new(At(2031, 10, 4, 10), "leersteun", 2),
        new(At(2032, 2, 4, 10), "leersteun", 2),
        new(At(2032, 2, 5, 10), "xyz", 0),
        // Before the fiches were published: nothing then, both now.
        new(At(2031, 9, 6, 10), "fiche", 0),
        new(At(2031, 9, 7, 10), SinceAnAlias, 0),
        new(At(2031, 9, 8, 10), SinceAnAlias, 0),
        new(At(2031, 9, 9, 10), Markup, 0),
        new(At(2032, 9, 2, 10), "leersteun", 2),
    ];

    public static readonly SeededVote[] Votes =
    [
        new(At(2031, 3, 1, 9), "fiche-a", true),
        new(At(2031, 10, 1, 9), "fiche-a", true),
        new(At(2031, 10, 2, 9), "fiche-a", true),
        new(At(2031, 12, 1, 9), "fiche-a", false),
        new(At(2032, 1, 1, 9), "fiche-b", false),
    ];

    /// <summary>The materials' themes, as the test writes them.</summary>
    public static readonly Dictionary<string, string> ThemeOf = new()
    {
        ["fiche-a"] = "decreet-leersteun",
        ["fiche-b"] = "beroepsgeheim-en-drm",
    };

    /// <summary>The staff of the centres that taxonomy.yml gives a number; brussel has none.</summary>
    public static readonly Dictionary<string, int> Staff = new() { ["gent"] = 40 };

    /// <summary>The months of the sent issues (ids 1, 2, ...): one the year before, two this year, one the year after.</summary>
    public static readonly DateOnly[] Issues = [new(2030, 10, 1), new(2031, 10, 1), new(2032, 3, 1), new(2032, 9, 1)];

    public static readonly SeededSubscriber[] Subscribers =
    [
        new("gent", ["clb-medewerker"], null),
        new("brussel", ["arts"], At(2031, 10, 20, 10)),
        new("brussel", ["clb-medewerker", "arts"], At(2032, 4, 10, 10)),
        new("gent", ["clb-medewerker"], At(2031, 5, 1, 10)),
        new("gent", ["clb-medewerker"], null),
    ];

    public static readonly SeededDelivery[] Deliveries =
    [
        new(1, 1, "sent"), new(1, 4, "sent"),
        new(2, 1, "sent"), new(2, 2, "sent"), new(2, 3, "sent"),
        new(3, 1, "sent"), new(3, 3, "sent"), new(3, 5, "failed"),
        new(4, 1, "sent"),
    ];

    public static readonly SeededEvent[] Events =
    [
        new(1, 1, "open", 1, false),
        new(2, 1, "open", 1, false), new(2, 1, "click", 2, false), new(2, 3, "open", 1, true),
        new(3, 1, "open", 1, false), new(3, 3, "click", 1, false),
        new(4, 1, "open", 1, false),
    ];

    public static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>When an issue went out: the second day of its month.</summary>
    public static DateTimeOffset SentAt(int issue) => new(Issues[issue - 1].AddDays(1).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);

    /// <summary>The statements that write every row above.</summary>
    public static IEnumerable<string> Sql()
    {
        yield return "INSERT INTO viewers (pseudonym) VALUES ('p1'), ('p2'), ('p3');";
        foreach (var r in ReachRows)
        {
            var viewers = string.Join(", ", r.Viewers.Select(v => $"'p{v}'"));
            yield return $"INSERT INTO daily_reach VALUES ('{r.Day:yyyy-MM-dd}', '{r.Dimension}', '{r.Key}', {r.Views}, {r.Views}, "
                + $"(SELECT varbit_union(viewer_bit(id)) FROM viewers WHERE pseudonym IN ({viewers})));";
        }
        foreach (var s in Searches)
        {
            var query = s.Query.Replace("'", "''", StringComparison.Ordinal);
            yield return "INSERT INTO searches VALUES (gen_random_uuid(), "
                + $"'{s.At:O}', '{query}', '{{}}', {s.Results}, 1, '{{clb-medewerker}}', 'gent');";
        }
        foreach (var (v, i) in Votes.Select((v, i) => (v, i)))
        {
            yield return "INSERT INTO material_feedback (material_slug, viewer_id, first_voted_at, voted_at, helpful, reason, comment, "
                + $"roles) VALUES ('{v.Slug}', {i % 3 + 1}, '{v.At:O}', '{v.At:O}', {v.Helpful}, "
                + (v.Helpful ? "NULL, NULL" : $"'verouderd', 'Vraag het {AnnualReportHost.Secret}'") + ", '{clb-medewerker}');";
        }
        foreach (var (s, i) in Subscribers.Select((s, i) => (s, i + 1)))
        {
            yield return "INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, unsubscribed_at) VALUES "
                + $"('lezer{i}@example.org', 'lezer{i}@example.org', 'Piet Lezer {i}', '{Roles(s.Roles)}', '{s.Centre}', "
                + (s.Unsubscribed is { } at ? $"'{at:O}'" : "NULL") + ");";
        }
        foreach (var (month, i) in Issues.Select((m, i) => (m, i + 1)))
        {
            yield return "INSERT INTO newsletter_issues (month, feature_kind, feature_id, feature_reason, intro_markdown, composition, "
                + $"status, composed_at, sent_at) VALUES ('{month:yyyy-MM-dd}', 'theme', 'decreet-leersteun', 'gepland', 'Intro', "
                + $"'{{\"since\":\"{month.AddMonths(-1):yyyy-MM-dd}\",\"new\":[],\"updated\":[],\"mostViewed\":[],\"topOfMonth\":[]}}', "
                + $"'sent', '{SentAt(i).AddDays(-1):O}', '{SentAt(i):O}');";
        }
        foreach (var d in Deliveries)
        {
            var s = Subscribers[d.Subscriber - 1];
            var sent = d.Status == "sent" ? $"'{SentAt(d.Issue):O}'" : "NULL";
            yield return "INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, sent_at, roles, centre) "
                + $"VALUES ({d.Issue}, {d.Subscriber}, '{d.Status}', '{SentAt(d.Issue):O}', {sent}, '{Roles(s.Roles)}', '{s.Centre}');";
        }
        foreach (var e in Events)
        {
            var s = Subscribers[e.Subscriber - 1];
            var at = SentAt(e.Issue).AddHours(1);
            yield return "INSERT INTO newsletter_events (issue_id, subscriber_id, kind, link, first_at, last_at, count, automated, roles, "
                + $"centre) VALUES ({e.Issue}, {e.Subscriber}, '{e.Kind}', {(e.Kind == "click" ? "'fiche-a'" : "NULL")}, '{at:O}', "
                + $"'{at:O}', {e.Count}, {e.Automated}, '{Roles(s.Roles)}', '{s.Centre}');";
        }
    }

    private static string Roles(string[] roles) => "{" + string.Join(',', roles) + "}";

    private static IEnumerable<SeededReach> Day(DateOnly day, int views, int[] viewers, string slug, string centre, string role) =>
    [
        new(day, "material", slug, views, viewers),
        new(day, "centre", centre, views, viewers),
        new(day, "role", role, views, viewers),
    ];
}
