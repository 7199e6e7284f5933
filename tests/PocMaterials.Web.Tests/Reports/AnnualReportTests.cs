using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PocMaterials.Testing;
using static PocMaterials.Web.Tests.Reports.AnnualReportSeed;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>
/// The school-year report over two seeded school years in the real host and PostgreSQL: every figure against a count
/// computed here from the rows written, the previous year's and the change included.
/// </summary>
public sealed class AnnualReportTests : HostFixture
{
    private const string Url = "/api/reports/annual?schoolYear=2031-2032";
    private const string Secret = "Jan Janssens";

    private HttpClient _editor = null!;

    private static readonly (DateOnly From, DateOnly To) Year = (new(2031, 9, 1), new(2032, 8, 31));
    private static readonly (DateOnly From, DateOnly To) Last = (new(2030, 9, 1), new(2031, 8, 31));

    /// <summary>Each material's published, updated and review dates, as written.</summary>
    private static readonly Dictionary<string, DateOnly[]> Dates = new()
    {
        ["fiche-a"] = [new(2031, 10, 1), new(2032, 2, 1), new(2032, 3, 1)],
        ["fiche-b"] = [new(2030, 11, 1), new(2031, 9, 15), new(2031, 6, 1)],
    };

    protected override Task PrepareAsync()
    {
        foreach (var (slug, d) in Dates)
            Folder.WriteMaterial(slug, $"title: Fiche {slug}\ntype: fiche\nthemes: [{ThemeOf[slug]}]\ncore_processes: [begeleiding]\n"
                + $"published: {d[0]:yyyy-MM-dd}\nupdated: {d[1]:yyyy-MM-dd}\nreview_by: {d[2]:yyyy-MM-dd}");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync()
    {
        // The first client starts the host, which migrates the database.
        _editor = await App.ClientFor(["redacteur"]);
        var sql = new List<string> { "INSERT INTO viewers (pseudonym) VALUES ('p1'), ('p2'), ('p3');" };
        sql.AddRange(ReachRows.Select(r => $"INSERT INTO daily_reach VALUES ('{r.Day:yyyy-MM-dd}', '{r.Dimension}', '{r.Key}', {r.Views}, "
            + $"{r.Views}, (SELECT varbit_union(viewer_bit(id)) FROM viewers WHERE pseudonym IN ({Pseudonyms(r.Viewers)})));"));
        sql.AddRange(Searches.Select(s => "INSERT INTO searches VALUES (gen_random_uuid(), "
            + $"'{s.At:O}', '{s.Query}', '{{}}', {s.Results}, 1, '{{clb-medewerker}}', 'gent');"));
        sql.AddRange(Votes.Select((v, i) => "INSERT INTO material_feedback (material_slug, viewer_id, first_voted_at, voted_at, "
            + $"helpful, reason, comment, roles) VALUES ('{v.Slug}', {i % 3 + 1}, '{v.At:O}', '{v.At:O}', {v.Helpful}, "
            + (v.Helpful ? "NULL, NULL" : $"'verouderd', 'Vraag het {Secret}'") + ", '{clb-medewerker}');"));
        sql.Add("""
            INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre, unsubscribed_at) VALUES
                ('piet@example.org', 'piet@example.org', 'Piet Pieters', '{clb-medewerker}', 'gent', NULL),
                ('an@example.org', 'an@example.org', 'An Anthonis', '{arts}', 'brussel', '2031-10-20T10:00:00Z');
            INSERT INTO newsletter_issues (month, feature_kind, feature_id, feature_reason, intro_markdown, composition, status,
                composed_at, sent_at) VALUES
                ('2030-10-01', 'theme', 'decreet-leersteun', 'gepland', 'Intro', '{"since":"2030-09-01","new":[],"updated":[],
                    "mostViewed":[],"topOfMonth":[]}', 'sent', '2030-10-01T08:00:00Z', '2030-10-02T08:00:00Z'),
                ('2031-10-01', 'theme', 'decreet-leersteun', 'gepland', 'Intro', '{"since":"2031-09-01","new":[],"updated":[],
                    "mostViewed":[],"topOfMonth":[]}', 'sent', '2031-10-01T08:00:00Z', '2031-10-02T08:00:00Z');
            INSERT INTO newsletter_deliveries (issue_id, subscriber_id, status, updated_at, sent_at, roles, centre) VALUES
                (1, 1, 'sent', '2030-10-02T08:00:00Z', '2030-10-02T08:00:00Z', '{clb-medewerker}', 'gent'),
                (2, 1, 'sent', '2031-10-02T08:00:00Z', '2031-10-02T08:00:00Z', '{clb-medewerker}', 'gent'),
                (2, 2, 'sent', '2031-10-02T08:00:00Z', '2031-10-02T08:00:00Z', '{arts}', 'brussel');
            INSERT INTO newsletter_events (issue_id, subscriber_id, kind, link, first_at, last_at, count, automated, roles, centre)
            VALUES (2, 1, 'open', NULL, '2031-10-03T08:00:00Z', '2031-10-03T08:00:00Z', 1, false, '{clb-medewerker}', 'gent'),
                   (2, 1, 'click', 'fiche-a', '2031-10-03T08:01:00Z', '2031-10-03T08:01:00Z', 1, false, '{clb-medewerker}', 'gent');
            """);
        await TestPostgres.ExecuteAsync(App.ConnectionString, string.Join("\n", sql));
    }

    [Fact]
    public async Task Every_figure_is_counted_from_the_rows_beside_the_previous_school_years_with_the_change()
    {
        var editor = _editor;
        var text = await editor.GetStringAsync(Url);
        var report = JsonDocument.Parse(text).RootElement;
        Assert.Equal("2030-2031", report.GetProperty("previousSchoolYear").GetString());

        foreach (var dimension in new[] { "material", "centre", "role" })
        {
            var table = dimension switch { "material" => "top-materials", "centre" => "centres", _ => "roles" };
            foreach (var key in ReachRows.Where(r => r.Dimension == dimension).Select(r => r.Key).Distinct())
            {
                AssertFigure(report, table, key, 0, ReachOf(dimension, key, Year).Views, ReachOf(dimension, key, Last).Views);
                AssertFigure(report, table, key, 1, ReachOf(dimension, key, Year).Unique, ReachOf(dimension, key, Last).Unique);
            }
        }
        AssertFigure(report, "roles", "directeur", 0, 0, 0);
        Assert.Empty(report.GetProperty("centresNotReached").EnumerateArray());
        // Of the five roles only clb-medewerker and arts viewed anything this year.
        Assert.Equal(3, report.GetProperty("rolesNotReached").GetArrayLength());
        Assert.DoesNotContain("Arts", report.GetProperty("rolesNotReached").EnumerateArray().Select(r => r.GetString()));

        foreach (var theme in ThemeOf.Values)
        {
            AssertFigure(report, "themes", theme, 0, Dated(theme, 0, Year), Dated(theme, 0, Last));
            AssertFigure(report, "themes", theme, 1, Dated(theme, 1, Year), Dated(theme, 1, Last));
            AssertFigure(report, "feedback-themes", theme, 0, VotesOf(theme, true, Year), VotesOf(theme, true, Last));
            AssertFigure(report, "feedback-themes", theme, 1, VotesOf(theme, false, Year), VotesOf(theme, false, Last));
        }
        AssertFigure(report, "core-processes", "begeleiding", 0, Dated(null, 0, Year), Dated(null, 0, Last));
        AssertFigure(report, "core-processes", "begeleiding", 1, Dated(null, 1, Year), Dated(null, 1, Last));
        AssertFigure(report, "summary", "due-for-review", 0, Due(Year), Due(Last));
        AssertFigure(report, "summary", "searches", 0, SearchesOf(null, Year, false), SearchesOf(null, Last, false));
        foreach (var query in Searches.Select(s => s.Query).Distinct().Where(q => SearchesOf(q, Year, false) > 0))
            AssertFigure(report, "top-searches", query, 0, SearchesOf(query, Year, false), SearchesOf(query, Last, false));
        AssertFigure(report, "searches-without-results", "xyz", 0, SearchesOf("xyz", Year, true), SearchesOf("xyz", Last, true));

        // Issue 2031-10 went to two readers (one opened and clicked, the other left after it); 2030-10 to one who did nothing.
        long[][] issue = [[2, 1], [1, 0], [1, 0], [1, 0]];
        for (var measure = 0; measure < issue.Length; measure++)
        {
            AssertFigure(report, "newsletters", "2031-10", measure, issue[measure][0], issue[measure][1]);
            AssertFigure(report, "newsletters", "total", measure, issue[measure][0], issue[measure][1]);
        }
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_table_comes_as_csv_and_a_bad_school_year_or_a_non_editor_is_refused()
    {
        var editor = _editor;
        var csv = await editor.GetStringAsync(Url + "&format=csv&table=centres");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,label,weergaven 2031-2032,weergaven 2030-2031,weergaven verschil,"
            + "unieke medewerkers 2031-2032,unieke medewerkers 2030-2031,unieke medewerkers verschil", lines[0]);
        var gent = ReachOf("centre", "gent", Year);
        var gentBefore = ReachOf("centre", "gent", Last);
        Assert.Contains($"gent,GO! CLB Gent,{gent.Views},{gentBefore.Views},{gent.Views - gentBefore.Views},"
            + $"{gent.Unique},{gentBefore.Unique},{gent.Unique - gentBefore.Unique}", lines);

        foreach (var year in new[] { "2031-2033", "2031", "volgend-jaar", "1999-2000" })
        {
            var refused = await editor.GetAsync($"/api/reports/annual?schoolYear={year}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid-school-year", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync(Url + "&format=csv&table=geen")).StatusCode);
        var staff = await App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Url)).StatusCode);
    }

    private static void AssertFigure(JsonElement report, string table, string id, int measure, long current, long previous)
    {
        var rows = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == table)
            .GetProperty("rows").EnumerateArray();
        var row = rows.SingleOrDefault(r => r.GetProperty("id").GetString() == id);
        Assert.True(row.ValueKind == JsonValueKind.Object, $"{table} has no row {id}");
        var figure = row.GetProperty("figures")[measure];
        var actual = (figure.GetProperty("current").GetInt64(), figure.GetProperty("previous").GetInt64(),
            figure.GetProperty("change").GetInt64());
        Assert.True((current, previous, current - previous) == actual,
            $"{table} {id} measure {measure}: expected {(current, previous, current - previous)}, got {actual}");
    }

    private static bool In(DateOnly day, (DateOnly From, DateOnly To) year) => day >= year.From && day <= year.To;

    private static DateOnly Brussels(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime);

    private static (long Views, long Unique) ReachOf(string dimension, string key, (DateOnly From, DateOnly To) year)
    {
        var rows = ReachRows.Where(r => r.Dimension == dimension && r.Key == key && In(r.Day, year)).ToList();
        return (rows.Sum(r => r.Views), rows.SelectMany(r => r.Viewers).Distinct().Count());
    }

    private static long Dated(string? theme, int date, (DateOnly From, DateOnly To) year) =>
        Dates.Count(d => (theme is null || ThemeOf[d.Key] == theme) && In(d.Value[date], year));

    private static long Due((DateOnly From, DateOnly To) year) => Dates.Count(d => d.Value[2] <= year.To);

    private static long VotesOf(string theme, bool helpful, (DateOnly From, DateOnly To) year) =>
        Votes.Count(v => ThemeOf[v.Slug] == theme && v.Helpful == helpful && In(Brussels(v.At), year));

    private static long SearchesOf(string? query, (DateOnly From, DateOnly To) year, bool withoutResults) =>
        Searches.Count(s => (query is null || s.Query == query) && In(Brussels(s.At), year) && (!withoutResults || s.Results == 0));

    private static string Pseudonyms(int[] viewers) => string.Join(", ", viewers.Select(v => $"'p{v}'"));
}
