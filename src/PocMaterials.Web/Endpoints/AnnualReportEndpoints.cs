using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Reports;

namespace PocMaterials.Web.Endpoints;

/// <summary>The school-year report for POC+ editors: JSON, or one of its tables as CSV.</summary>
public static class AnnualReportEndpoints
{
    public static RouteGroupBuilder MapAnnualReportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/annual", Annual).RequireAuthorization(Policies.Editor).NeedsDatabase().WithName("AnnualReport")
            .WithSummary("The school-year report: each figure beside the previous school year's, with the change")
            .WithDescription("Editors only. schoolYear is written 2025-2026 (1 September to 31 August); by default the current "
                + "one. format=csv&table=<name> gives one table (its name in the JSON's tables) as CSV. "
                + "503 while the database is unavailable.")
            .ProducesCsv();
        return api;
    }

    internal static async Task<Results<Ok<AnnualReport>, FileContentHttpResult, ValidationProblem>> Annual(
        AnnualReportBuilder builder, ContentLibrary library, StaffCalendar calendar, string? schoolYear, string? format,
        string? table, CancellationToken cancellationToken)
    {
        var year = schoolYear is null ? ReportPeriod.SchoolYearOf(calendar.Today) : SchoolYear.Parse(schoolYear);
        var errors = new FieldErrors();
        if (year is null)
            errors.Add("schoolYear", $"'{schoolYear}' is not a school year; write it as 2025-2026.");
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
            { $"{m} {report.SchoolYear}", $"{m} {report.PreviousSchoolYear}", $"{m} verschil" })];
        return ReportEndpoints.CsvFile($"jaarverslag-{report.SchoolYear}-{chosen.Name}", header, chosen.Rows.Select(r =>
            new object?[] { r.Id, r.Label }.Concat(r.Figures.SelectMany(f => new object?[] { f.Current, f.Previous, f.Change }))
                .ToArray()));
    }
}
