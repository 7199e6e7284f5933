using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Reports;

namespace PocMaterials.Web.Endpoints;

/// <summary>The school-year report for POC+ editors: JSON, one of its tables as CSV, its HTML (the page's layout) and its PDF.</summary>
public static class AnnualReportEndpoints
{
    public static RouteGroupBuilder MapAnnualReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").RequireAuthorization(Policies.Editor);
        reports.MapGet("/annual", Annual).NeedsDatabase().WithName("AnnualReport")
            .WithSummary("The school-year report: each figure beside the previous school year's, with the change")
            .WithDescription("Editors only. schoolYear is written 2025-2026 (1 September to 31 August); by default the current "
                + "one. format=csv&table=<name> gives one table (its name in the JSON's tables) as CSV. "
                + "503 while the database is unavailable.")
            .ProducesCsv();
        reports.MapGet("/annual.html", Html).NeedsDatabase().WithName("AnnualReportHtml")
            .WithSummary("The school-year report as an HTML fragment in Dutch (tables, SVG charts), as its page shows it")
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        reports.MapGet("/annual.pdf", Pdf).NeedsDatabase().WithName("AnnualReportPdf")
            .WithSummary("The school-year report as an A4 PDF, printed by the server's headless Chromium")
            .WithDescription("503 with code pdf-unavailable when the server has no Chromium (Reports:ChromiumPath) or it failed; "
                + "503 with code database-unavailable while the database is unavailable.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf");
        return api;
    }

    internal static async Task<Results<Ok<AnnualReport>, FileContentHttpResult, ValidationProblem>> Annual(
        AnnualReportBuilder builder, ContentLibrary library, StaffCalendar calendar, string? schoolYear, string? format,
        string? table, CancellationToken cancellationToken)
    {
        var year = Year(schoolYear, calendar);
        var errors = new FieldErrors();
        if (year is null)
            errors.Add("schoolYear", NotASchoolYear(schoolYear));
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            errors.Add("format", $"'{format}' is not a format; use json or csv.");
        if (csv && string.IsNullOrWhiteSpace(table))
            errors.Add("table", "format=csv needs the table to give, such as table=centres.");
        if (errors.Problem("The annual report request is not valid.", year is null ? "invalid-school-year" : "invalid") is { } problem)
            return problem;
        var report = await builder.BuildAsync(year!, library.Current, cancellationToken);
        if (!csv)
            return TypedResults.Ok(report);
        if (report.Tables.FirstOrDefault(t => t.Name == table) is not { } chosen)
            return Problems.Invalid("table", $"There is no table '{table}'; use one of "
                + string.Join(", ", report.Tables.Select(t => t.Name)) + ".");
        string[] header = ["id", "label", .. chosen.Measures.SelectMany(m => new[]
            { $"{m} {report.SchoolYear}", $"{m} {report.PreviousSchoolYear}", $"{m} verschil" }), .. chosen.NoteHeaders];
        return ReportEndpoints.CsvFile($"jaarverslag-{report.SchoolYear}-{chosen.Name}", header, chosen.Rows.Select(r =>
            new object?[] { r.Id, r.Label }.Concat(r.Figures.SelectMany(f => new object?[] { f.Current, f.Previous, f.Change }))
                .Concat(r.Notes).ToArray()));
    }

    internal static async Task<Results<ContentHttpResult, ValidationProblem>> Html(
        AnnualReportBuilder builder, ContentLibrary library, StaffCalendar calendar, string? schoolYear,
        CancellationToken cancellationToken)
    {
        if (Year(schoolYear, calendar) is not { } year)
            return InvalidSchoolYear(schoolYear);
        var report = await builder.BuildAsync(year, library.Current, cancellationToken);
        return TypedResults.Content(AnnualReportHtml.Render(report), "text/html; charset=utf-8");
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, UnavailableProblem>> Pdf(
        AnnualReportBuilder builder, ChromiumPrinter printer, ContentLibrary library, StaffCalendar calendar, string? schoolYear,
        CancellationToken cancellationToken)
    {
        if (Year(schoolYear, calendar) is not { } year)
            return InvalidSchoolYear(schoolYear);
        // Said before the report is built: without a browser there is nothing to build it for.
        if (printer.Browser is null)
            return Problems.PrintUnavailable("There is no Chromium on this server (Reports:ChromiumPath); print the page instead.");
        var report = await builder.BuildAsync(year, library.Current, cancellationToken);
        try
        {
            var pdf = await printer.PrintAsync(AnnualReportHtml.Document(report), cancellationToken);
            return TypedResults.File(pdf, "application/pdf", $"jaarverslag-{report.SchoolYear}.pdf");
        }
        catch (PrintUnavailableException e)
        {
            return Problems.PrintUnavailable(e.Message);
        }
    }

    /// <summary>The school year asked for (by default the current one), or null when it is not written as one.</summary>
    private static ReportPeriod? Year(string? schoolYear, StaffCalendar calendar) =>
        schoolYear is null ? ReportPeriod.SchoolYearOf(calendar.Today) : SchoolYear.Parse(schoolYear);

    private static string NotASchoolYear(string? schoolYear) => $"'{schoolYear}' is not a school year; write it as 2025-2026.";

    private static ValidationProblem InvalidSchoolYear(string? schoolYear) =>
        new FieldErrors().Add("schoolYear", NotASchoolYear(schoolYear))
            .Problem("The annual report request is not valid.", "invalid-school-year")!;
}
