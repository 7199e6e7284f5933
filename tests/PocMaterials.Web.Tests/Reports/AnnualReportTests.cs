using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static PocMaterials.Web.Tests.Reports.AnnualReportCounts;
using static PocMaterials.Web.Tests.Reports.AnnualHelpdeskSeed;
using static PocMaterials.Web.Tests.Reports.AnnualReportSeed;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>
/// The school-year report over two seeded school years in the real host and PostgreSQL: every figure against a count
/// computed here from the rows written, the previous year's and the change included.
/// </summary>
[Collection(AnnualReportHost.Name)]
public sealed class AnnualReportTests(AnnualReportHost host)
{
    public const string Url = "/api/reports/annual?schoolYear=2031-2032";

    [Fact]
    public async Task Every_figure_is_counted_from_the_rows_beside_the_previous_school_years_with_the_change()
    {
        var text = await host.Editor.GetStringAsync(Url);
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
        for (var month = Year.From; month < Year.To; month = month.AddMonths(1))
            AssertFigure(report, "views-by-month", $"{month:yyyy-MM}", 0, ViewsIn(month), ViewsIn(month.AddYears(-1)));
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
        foreach (var query in Searches.Where(s => s.Results == 0).Select(s => s.Query).Distinct().Where(q => SearchesOf(q, Year, true) > 0))
            AssertFigure(report, "searches-without-results", query, 0, SearchesOf(query, Year, true), SearchesOf(query, Last, true));

        Assert.DoesNotContain(AnnualReportHost.Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Newsletters_are_counted_per_month_and_per_centre_and_role_each_reader_once_a_year()
    {
        var report = await host.Editor.GetFromJsonAsync<JsonElement>(Url);
        int[] year = IssuesOf(Year), last = IssuesOf(Last);

        foreach (var (issue, i) in Issues.Select((m, i) => (m, i + 1)).Where(x => In(x.m, Year)))
        {
            var now = NewsletterFigures([i], _ => true);
            var before = NewsletterFigures(IssuesOf(Last).Where(l => Issues[l - 1] == issue.AddYears(-1)).ToArray(), _ => true);
            for (var measure = 0; measure < 4; measure++)
                AssertFigure(report, "newsletters", $"{issue:yyyy-MM}", measure, now[measure], before[measure]);
        }
        for (var measure = 0; measure < 4; measure++)
        {
            // The year's total sums its issues: a reader of two issues counts twice there, once per centre and role.
            var total = year.Select(i => NewsletterFigures([i], _ => true)[measure]).Sum();
            var lastTotal = last.Select(i => NewsletterFigures([i], _ => true)[measure]).Sum();
            AssertFigure(report, "newsletters", "total", measure, total, lastTotal);
            foreach (var centre in new[] { "gent", "brussel" })
            {
                AssertFigure(report, "newsletter-centres", centre, measure,
                    NewsletterFigures(year, s => s.Centre == centre)[measure], NewsletterFigures(last, s => s.Centre == centre)[measure]);
            }
            foreach (var role in new[] { "clb-medewerker", "arts", "directeur" })
            {
                AssertFigure(report, "newsletter-roles", role, measure, NewsletterFigures(year, s => s.Roles.Contains(role))[measure],
                    NewsletterFigures(last, s => s.Roles.Contains(role))[measure]);
            }
        }
    }

    [Fact]
    public async Task Helpdesk_questions_are_counted_per_theme_core_process_channel_centre_and_role_each_beside_last_years()
    {
        var text = await host.Editor.GetStringAsync(Url);
        var report = JsonDocument.Parse(text).RootElement;

        var (counts, answers) = AnnualHelpdeskSeed.Figures(_ => true, Year);
        var (lastCounts, lastAnswers) = AnnualHelpdeskSeed.Figures(_ => true, Last);
        foreach (var (id, i) in new[] { "questions", "answered", "minutes", "faq" }.Select((id, i) => (id, i)))
            AssertFigure(report, "helpdesk", id, 0, counts[i], lastCounts[i]);
        foreach (var (id, i) in new[] { "scores", "mean-score", "median-hours" }.Select((id, i) => (id, i)))
            AssertFigure(report, "helpdesk", id, 0, answers[i], lastAnswers[i]);

        var questions = AnnualHelpdeskSeed.Questions.Where(q => In(Brussels(q.At), Year) || In(Brussels(q.At), Last)).ToList();
        var dimensions = new (string Table, Func<SeededQuestion, IEnumerable<string>> Keys)[]
        {
            ("helpdesk-themes", q => [q.Theme]), ("helpdesk-core-processes", q => [q.CoreProcess ?? ""]),
            ("helpdesk-channels", q => [q.Channel]), ("helpdesk-centres", q => [q.Centre ?? ""]), ("helpdesk-roles", q => q.Roles),
        };
        var noScores = 0;
        foreach (var (table, keysOf) in dimensions)
        {
            var keys = questions.SelectMany(keysOf).Distinct().ToList();
            Assert.Equal(keys.Order(), Rows(report, table).Order());
            Assert.Equal(keys.Order(), Rows(report, table + "-answers").Order());
            foreach (var key in keys)
            {
                (counts, answers) = AnnualHelpdeskSeed.Figures(q => keysOf(q).Contains(key), Year);
                (lastCounts, lastAnswers) = AnnualHelpdeskSeed.Figures(q => keysOf(q).Contains(key), Last);
                for (var measure = 0; measure < 4; measure++)
                    AssertFigure(report, table, key, measure, counts[measure], lastCounts[measure]);
                for (var measure = 0; measure < 3; measure++)
                    AssertFigure(report, table + "-answers", key, measure, answers[measure], lastAnswers[measure]);
                noScores += answers[1] is null || lastAnswers[1] is null ? 1 : 0;
            }
        }
        // Some group has no score in a year: its mean is null, and so is the change.
        Assert.InRange(noScores, 1, 100);
        Assert.Equal("Geen centrum", RowOf(report, "helpdesk-centres", "").GetProperty("label").GetString());
        Assert.Equal("Telefoon", RowOf(report, "helpdesk-channels", "telefoon").GetProperty("label").GetString());

        foreach (var table in new[] { "helpdesk", "helpdesk-themes-answers", "helpdesk-roles" })
            text += await host.Editor.GetStringAsync($"{Url}&format=csv&table={table}");
        // The questions' texts hold a pupil's name; askers and editors are known by key, subject and address.
        foreach (var secret in new[] { AnnualReportHost.Secret, AskerKey, EditorSubject, AskerEmail })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helpdesk_table_comes_as_csv_with_its_means_and_medians_and_empty_where_a_year_has_none()
    {
        var csv = await host.Editor.GetStringAsync(Url + "&format=csv&table=helpdesk-themes-answers");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] measures = ["scores", "gemiddelde score", "werkuren tot antwoord (mediaan)"];
        var header = measures.SelectMany(m => new[] { $"{m} 2031-2032", $"{m} 2030-2031", $"{m} verschil" });
        Assert.Equal("id,label," + string.Join(",", header), lines[0]);
        foreach (var theme in AnnualHelpdeskSeed.Themes)
        {
            var (_, now) = AnnualHelpdeskSeed.Figures(q => q.Theme == theme, Year);
            var (_, before) = AnnualHelpdeskSeed.Figures(q => q.Theme == theme, Last);
            var fields = lines.Single(l => l.StartsWith(theme + ",", StringComparison.Ordinal)).Split(',')[2..];
            decimal?[] expected = [.. now.Zip(before).SelectMany(f => new[] { f.First, f.Second, f.First - f.Second })];
            Assert.Equal(expected, fields.Select(f => f.Length == 0 ? (decimal?)null : decimal.Parse(f, CultureInfo.InvariantCulture)));
        }
    }

    private static IEnumerable<string> Rows(JsonElement report, string table) => report.GetProperty("tables").EnumerateArray()
        .Single(t => t.GetProperty("name").GetString() == table).GetProperty("rows").EnumerateArray()
        .Select(r => r.GetProperty("id").GetString()!);

    [Fact]
    public async Task A_centre_with_a_number_of_staff_shows_the_share_reached_and_one_without_shows_none()
    {
        var report = await host.Editor.GetFromJsonAsync<JsonElement>(Url);

        foreach (var centre in new[] { "gent", "brussel" })
        {
            var notes = RowOf(report, "centres", centre).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!);
            Assert.Equal([StaffShare(centre)], notes);
        }
        Assert.StartsWith("bereikt: ", StaffShare("gent"), StringComparison.Ordinal);
        Assert.Equal(["deel van de medewerkers"],
            report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == "centres")
                .GetProperty("noteHeaders").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task Each_search_without_results_says_what_it_finds_now_and_the_term_it_became_an_alias_of()
    {
        var report = await host.Editor.GetFromJsonAsync<JsonElement>(Url);
        string[] Notes(string query) => [.. RowOf(report, "searches-without-results", query).GetProperty("notes").EnumerateArray()
            .Select(n => n.GetString()!)];
        // Found now: the materials whose title holds the query, as the test wrote them.
        string Found(string query) => AnnualReportHost.Dates.Keys.Count(slug => $"Fiche {slug}".Contains(query, StringComparison.Ordinal))
            switch { 0 => "niets", 1 => "1 materiaal", var n => $"{n} materialen" };

        Assert.Equal([Found("fiche"), "geen synoniem"], Notes("fiche"));
        Assert.Equal([Found("xyz"), "geen synoniem"], Notes("xyz"));
        Assert.Equal([Found(SinceAnAlias), "synoniem van leersteuncentrum"], Notes(SinceAnAlias));
        Assert.Equal("2 materialen", Found("fiche"));
    }

    [Fact]
    public async Task One_table_comes_as_csv_and_a_bad_school_year_or_a_non_editor_is_refused()
    {
        var editor = host.Editor;
        var csv = await editor.GetStringAsync(Url + "&format=csv&table=centres");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("id,label,weergaven 2031-2032,weergaven 2030-2031,weergaven verschil,"
            + "unieke medewerkers 2031-2032,unieke medewerkers 2030-2031,unieke medewerkers verschil,deel van de medewerkers", lines[0]);
        var gent = ReachOf("centre", "gent", Year);
        var gentBefore = ReachOf("centre", "gent", Last);
        Assert.Contains($"gent,GO! CLB Gent,{gent.Views},{gentBefore.Views},{gent.Views - gentBefore.Views},"
            + $"{gent.Unique},{gentBefore.Unique},{gent.Unique - gentBefore.Unique},{StaffShare("gent")}", lines);

        foreach (var year in new[] { "2031-2033", "2031", "volgend-jaar", "1999-2000" })
        {
            foreach (var address in new[] { "annual", "annual.html", "annual.pdf" })
            {
                var refused = await editor.GetAsync($"/api/reports/{address}?schoolYear={year}");
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal("invalid-school-year",
                    (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            }
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.GetAsync(Url + "&format=csv&table=geen")).StatusCode);
        var staff = await host.App.ClientFor(["clb-medewerker"]);
        foreach (var address in new[] { Url, Url.Replace("annual?", "annual.html?"), Url.Replace("annual?", "annual.pdf?") })
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(address)).StatusCode);
    }
}
