using System.Globalization;
using System.Net;
using System.Text;

namespace PocMaterials.Web.Reports;

/// <summary>
/// The school-year report as HTML: the one layout of its page (<c>/redactie/jaarverslag</c> shows it) and its PDF
/// (<see cref="AnnualReportPdf"/> prints it), styled by the web app's style sheet, whose print rules make it an A4 report.
/// Every text is encoded: search queries are what staff typed.
/// </summary>
public static class AnnualReportHtml
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static string Render(AnnualReport report)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>Jaarverslag {report.SchoolYear}</h1>")
            .Append(CultureInfo.InvariantCulture, $"""<p class="muted report-intro">1 september {report.From.Year} tot en met """)
            .Append(CultureInfo.InvariantCulture, $"31 augustus {report.To.Year}, naast schooljaar {report.PreviousSchoolYear}. ")
            .Append("Medewerkers worden geteld, nooit bij naam genoemd.</p>");
        Section(html, "niet-bereikt", "card", "Niet bereikt dit schooljaar", body => body
            .Append(NotReached("Centra", report.CentresNotReached))
            .Append(NotReached("Rollen", report.RolesNotReached)));
        foreach (var table in report.Tables)
            Section(html, "tabel-" + table.Name, "card report", table.Title, body => Table(body, report, table));
        return html.ToString();
    }

    /// <summary>
    /// The report as a document of its own for printing: the style sheet inline and nothing to fetch or run (its policy
    /// forbids both), so a browser prints it from a file.
    /// </summary>
    public static string Document(AnnualReport report) =>
        $"""<!doctype html><html lang="nl"><head><meta charset="utf-8">"""
        + """<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"""
        + $"""<title>Jaarverslag {report.SchoolYear} · POC+</title><style>{WebApp.WebAppAssets.StyleSheet}</style></head>"""
        + $"""<body><main>{Render(report)}</main></body></html>""";

    private static void Table(StringBuilder html, AnnualReport report, AnnualTable table)
    {
        if (table.Rows.Count == 0)
        {
            html.Append("""<p class="muted">Geen gegevens in deze twee schooljaren.</p>""");
            return;
        }
        if (table.Chart is { } chart)
        {
            // Focusable: on a phone the chart scrolls sideways, by keyboard too.
            html.Append("""<figure class="year-chart" tabindex="0">""").Append(AnnualChartSvg.Render(report, table, chart))
                .Append("""<figcaption class="muted">De cijfers staan in de tabel hieronder.</figcaption></figure>""");
        }
        // Two header rows, each measure over its three columns: narrow enough for four measures on an A4 page.
        html.Append("""<table class="table" tabindex="0">""")
            .Append(CultureInfo.InvariantCulture, $"""<caption class="visually-hidden-heading">{Text(table.Title)}</caption><col>""")
            .Append(string.Concat(table.Measures.Select(_ => """<colgroup span="3"></colgroup>""")))
            .Append(string.Concat(table.NoteHeaders.Select(_ => "<col>")))
            .Append("""<thead><tr><td rowspan="2"></td>""");
        foreach (var measure in table.Measures)
            html.Append(CultureInfo.InvariantCulture, $"""<th scope="colgroup" colspan="3">{Text(measure)}</th>""");
        foreach (var head in table.NoteHeaders)
            html.Append(CultureInfo.InvariantCulture, $"""<th scope="col" rowspan="2" class="note">{Text(head)}</th>""");
        html.Append("</tr><tr>");
        foreach (var head in table.Measures.SelectMany(_ => new[] { report.SchoolYear, report.PreviousSchoolYear, "verschil" }))
            html.Append(CultureInfo.InvariantCulture, $"""<th scope="col">{Text(head)}</th>""");
        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<tr><th scope="row">{Text(row.Label)}</th>""");
            foreach (var figure in row.Figures)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<td class="number">{Number(figure.Current)}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td class="number">{Number(figure.Previous)}</td>""")
                    .Append(CultureInfo.InvariantCulture, $"""<td class="number">{Change(figure.Change)}</td>""");
            }
            foreach (var note in row.Notes)
                html.Append(CultureInfo.InvariantCulture, $"<td>{Text(note)}</td>");
            html.Append("</tr>");
        }
        var csv = $"/api/reports/annual?schoolYear={Uri.EscapeDataString(report.SchoolYear)}&format=csv"
            + $"&table={Uri.EscapeDataString(table.Name)}";
        html.Append("</tbody></table>").Append(CultureInfo.InvariantCulture,
            $"""<p class="no-print"><a href="{Text(csv)}" download>{Text(table.Title)} als CSV</a></p>""");
    }

    private static void Section(StringBuilder html, string id, string classes, string title, Action<StringBuilder> body)
    {
        html.Append(CultureInfo.InvariantCulture, $"""<section class="{classes}" aria-labelledby="{id}">""")
            .Append(CultureInfo.InvariantCulture, $"""<h2 id="{id}">{Text(title)}</h2>""");
        body(html);
        html.Append("</section>");
    }

    private static string NotReached(string title, IReadOnlyList<string> labels) =>
        $"<p><strong>{title}: </strong>{(labels.Count == 0 ? "iedereen bereikt." : Text(string.Join(", ", labels)) + ".")}</p>";

    /// <summary>A count as 1.234, a mean as 3,8; a dash where the year has none (no scores).</summary>
    private static string Number(decimal? value) => value?.ToString("#,##0.#", Dutch) ?? "–";

    private static string Change(decimal? change) => change > 0 ? "+" + Number(change) : Number(change);

    private static string Text(string text) => WebUtility.HtmlEncode(text);
}
