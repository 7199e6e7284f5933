using System.Text.Json;
using static PocMaterials.Web.Tests.Reports.AnnualReportSeed;

namespace PocMaterials.Web.Tests.Reports;

/// <summary>The school-year report's figures as the tests count them from the seeded rows, and the check of one figure.</summary>
public static class AnnualReportCounts
{
    public static readonly (DateOnly From, DateOnly To) Year = (new(2031, 9, 1), new(2032, 8, 31));
    public static readonly (DateOnly From, DateOnly To) Last = (new(2030, 9, 1), new(2031, 8, 31));

    /// <summary>A count, or a mean or median to one decimal; null (and then no change) where the year has none.</summary>
    public static void AssertFigure(JsonElement report, string table, string id, int measure, decimal? current, decimal? previous)
    {
        static decimal? Of(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
        var figure = RowOf(report, table, id).GetProperty("figures")[measure];
        var actual = (Of(figure.GetProperty("current")), Of(figure.GetProperty("previous")), Of(figure.GetProperty("change")));
        Assert.True((current, previous, current - previous) == actual,
            $"{table} {id} measure {measure}: expected {(current, previous, current - previous)}, got {actual}");
    }

    public static JsonElement RowOf(JsonElement report, string table, string id)
    {
        var rows = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == table)
            .GetProperty("rows").EnumerateArray();
        var row = rows.SingleOrDefault(r => r.GetProperty("id").GetString() == id);
        Assert.True(row.ValueKind == JsonValueKind.Object, $"{table} has no row {id}");
        return row;
    }

    public static bool In(DateOnly day, (DateOnly From, DateOnly To) year) => day >= year.From && day <= year.To;

    public static (long Views, long Unique) ReachOf(string dimension, string key, (DateOnly From, DateOnly To) year)
    {
        var rows = ReachRows.Where(r => r.Dimension == dimension && r.Key == key && In(r.Day, year)).ToList();
        return (rows.Sum(r => r.Views), rows.SelectMany(r => r.Viewers).Distinct().Count());
    }

    /// <summary>Views of every material in the month (its first day).</summary>
    public static long ViewsIn(DateOnly month) =>
        ReachRows.Where(r => r.Dimension == "material" && r.Day.Year == month.Year && r.Day.Month == month.Month).Sum(r => r.Views);

    /// <summary>"bereikt: 2 van 40 (5 %)" (a no-break space before %), or nothing for a centre taxonomy.yml gives no staff.</summary>
    public static string StaffShare(string centre) => Staff.TryGetValue(centre, out var staff)
        ? $"bereikt: {ReachOf("centre", centre, Year).Unique} van {staff} "
            + $"({Math.Round(100.0 * ReachOf("centre", centre, Year).Unique / staff, MidpointRounding.AwayFromZero)}\u00a0%)"
        : "";

    public static long Dated(string? theme, int date, (DateOnly From, DateOnly To) year) =>
        AnnualReportHost.Dates.Count(d => (theme is null || ThemeOf[d.Key] == theme) && In(d.Value[date], year));

    public static long Due((DateOnly From, DateOnly To) year) => AnnualReportHost.Dates.Count(d => d.Value[2] <= year.To);

    public static long VotesOf(string theme, bool helpful, (DateOnly From, DateOnly To) year) =>
        Votes.Count(v => ThemeOf[v.Slug] == theme && v.Helpful == helpful && In(Brussels(v.At), year));

    public static long SearchesOf(string? query, (DateOnly From, DateOnly To) year, bool withoutResults) =>
        Searches.Count(s => (query is null || s.Query == query) && In(Brussels(s.At), year) && (!withoutResults || s.Results == 0));

    /// <summary>
    /// Sent mails, readers who opened or clicked (each once), clicks and readers who left after one of the issues, of the
    /// deliveries and readers <paramref name="of"/> picks (a centre's, a role's, all).
    /// </summary>
    public static long[] NewsletterFigures(IReadOnlyCollection<int> issues, Func<SeededSubscriber, bool> of)
    {
        bool Picked(int subscriber) => of(Subscribers[subscriber - 1]);
        var readers = Events.Where(e => issues.Contains(e.Issue) && !e.Automated && Picked(e.Subscriber)).ToList();
        var left = Subscribers.Select((s, i) => (s, Id: i + 1)).Where(x => x.s.Unsubscribed is { } at && Picked(x.Id)
            && Deliveries.Where(d => d.Subscriber == x.Id && d.Status == "sent" && SentAt(d.Issue) <= at).MaxBy(d => SentAt(d.Issue))
                is { } latest && issues.Contains(latest.Issue));
        return
        [
            Deliveries.Count(d => issues.Contains(d.Issue) && d.Status == "sent" && Picked(d.Subscriber)),
            readers.Select(e => e.Subscriber).Distinct().Count(),
            readers.Where(e => e.Kind == "click").Sum(e => e.Count),
            left.Count(),
        ];
    }

    /// <summary>The issues (ids) of a school year.</summary>
    public static int[] IssuesOf((DateOnly From, DateOnly To) year) =>
        [.. Issues.Select((month, i) => (month, Id: i + 1)).Where(x => In(x.month, year)).Select(x => x.Id)];

    public static DateOnly Brussels(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime);
}
