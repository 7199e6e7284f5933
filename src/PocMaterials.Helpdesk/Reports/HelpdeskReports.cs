using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Helpdesk.Reports;

/// <summary>
/// The helpdesk's figures of a group of questions: how many, how many answered, the minutes spent (registered ones only),
/// the satisfaction scores given (how many, their mean), the median working hours to the first answer, how many became a FAQ
/// question.
/// </summary>
public sealed record HelpdeskFigures(
    int Questions, int Answered, int Minutes, int Scores, double? MeanScore, double? MedianHoursToAnswer, int BecameFaq)
{
    public static readonly HelpdeskFigures None = new(0, 0, 0, 0, null, null, 0);
}

/// <summary>The figures of one theme, core process, channel, centre or role (<paramref name="Key"/> empty: none given).</summary>
public sealed record HelpdeskRow(string Key, string Label, HelpdeskFigures Figures);

/// <summary>
/// The questions asked in a period, in total and per theme, core process, channel, centre and role, the most asked first.
/// </summary>
public sealed record HelpdeskReport(
    DateOnly From,
    DateOnly To,
    HelpdeskFigures Total,
    IReadOnlyList<HelpdeskRow> Themes,
    IReadOnlyList<HelpdeskRow> CoreProcesses,
    IReadOnlyList<HelpdeskRow> Channels,
    IReadOnlyList<HelpdeskRow> Centres,
    IReadOnlyList<HelpdeskRow> Roles);

/// <summary>The helpdesk's year figures for the annual report (and any period), labelled from the current content.</summary>
public sealed class HelpdeskReports(Database database, StaffCalendar calendar, WorkingHours workingHours)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(HelpdeskReports));

    /// <summary>How a channel is called in Dutch.</summary>
    public static string ChannelLabel(string channel) => channel switch
    {
        "website" => "Website",
        "telefoon" => "Telefoon",
        "mail" => "Mail",
        "sessie" => "Sessie",
        _ => channel,
    };

    public async Task<HelpdeskReport> PeriodAsync(ReportPeriod period, ContentSnapshot content, CancellationToken cancellationToken)
    {
        var rows = new List<(string Dimension, string Key, HelpdeskFigures Figures)>();
        var hours = new Dictionary<(DateTimeOffset Asked, DateTimeOffset Answered), double>();
        await using (var command = Sql["Figures"].Command(database.DataSource, period.StartIn(calendar).ToUniversalTime(),
            period.EndIn(calendar).ToUniversalTime()))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var asked = reader.IsDBNull(7) ? [] : reader.GetFieldValue<DateTimeOffset[]>(7);
                var answered = reader.IsDBNull(8) ? [] : reader.GetFieldValue<DateTimeOffset[]>(8);
                // A question counts in several rows (its theme, channel, centre, roles): its hours are worked out once.
                var times = AnswerTimes.Of(asked.Zip(answered, (a, f) => hours.TryGetValue((a, f), out var known)
                    ? known
                    : hours[(a, f)] = workingHours.Between(a, f)));
                rows.Add((reader.GetString(0), reader.GetString(1), new HelpdeskFigures(reader.GetInt32(2), reader.GetInt32(3),
                    reader.GetInt32(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetDouble(6), times.MedianHours,
                    reader.GetInt32(9))));
            }
        }
        var taxonomy = content.Taxonomy;
        List<HelpdeskRow> Of(string dimension, Func<string, string> label) =>
            [.. rows.Where(r => r.Dimension == dimension)
                .Select(r => new HelpdeskRow(r.Key, label(r.Key), r.Figures))
                .OrderByDescending(r => r.Figures.Questions)
                .ThenBy(r => r.Label, StringComparer.CurrentCulture)];
        return new HelpdeskReport(
            period.From,
            period.To,
            rows.FirstOrDefault(r => r.Dimension == "total").Figures ?? HelpdeskFigures.None,
            Of("theme", content.ThemeTitle),
            Of("core_process", key => key.Length == 0 ? "Geen kernproces" : taxonomy.CoreProcesses.LabelOf(key)),
            Of("channel", ChannelLabel),
            Of("centre", key => key.Length == 0 ? "Geen centrum" : taxonomy.Centres.LabelOf(key)),
            Of("role", taxonomy.Roles.LabelOf));
    }
}
