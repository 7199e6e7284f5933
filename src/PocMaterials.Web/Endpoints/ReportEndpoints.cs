using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach;
using PocMaterials.Reach.Feedback;
using PocMaterials.Reach.Reports;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>Reach reports for POC+ editors: JSON, or CSV with format=csv; one SVG chart.</summary>
public static class ReportEndpoints
{
    private const int DefaultTop = 20;

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").RequireAuthorization(Policies.Editor).NeedsDatabase()
            .WithDescription("Editors only. from and to are dates (YYYY-MM-DD, Europe/Brussels, both included) "
                + $"at most {ReportPeriod.MaxYears} years apart; by default the current school year (1 September - 31 August). "
                + "503 while the database is unavailable.");
        reports.MapGet("/views", Views).WithName("MaterialViewsReport")
            .WithSummary("Views and unique viewers per material, by month").ProducesCsv();
        reports.MapGet("/reach/centres", Centres).WithName("CentreReachReport")
            .WithSummary("Views and unique viewers per centre, and the centres not reached").ProducesCsv();
        reports.MapGet("/reach/roles", Roles).WithName("RoleReachReport")
            .WithSummary("Views and unique viewers per role, and the roles not reached").ProducesCsv();
        reports.MapGet("/searches", Searches).WithName("SearchReport")
            .WithSummary("Top queries, queries without results, queries nobody opened, click-through by position").ProducesCsv();
        reports.MapGet("/content-health", ContentHealth).WithName("ContentHealthReport")
            .WithSummary("Materials never viewed; materials past review by views; the review queue, staff's \"verouderd\" votes first")
            .ProducesCsv();
        reports.MapGet("/views.svg", ViewsChartSvg).WithName("ViewsChart")
            .WithSummary("Views per month of the top materials as an SVG bar chart")
            .Produces<string>(StatusCodes.Status200OK, "image/svg+xml");
        return api;
    }

    internal static async Task<Results<Ok<MaterialViewsReport>, FileContentHttpResult, ValidationProblem>> Views(
        ReachReports reports, ContentLibrary library, StaffCalendar calendar, string? from, string? to, string? format,
        CancellationToken cancellationToken)
    {
        if (Invalid(from, to, format, calendar, out var period) is { } problem)
            return problem;
        var report = await reports.MaterialViewsAsync(period, library.Current, cancellationToken);
        if (!IsCsv(format))
            return TypedResults.Ok(report);
        return CsvFile("material-views", ["slug", "title", "month", "views", "unique_viewers"], report.Materials.SelectMany(m =>
            new[] { new object?[] { m.Slug, m.Title, "total", m.Views, m.UniqueViewers } }
                .Concat(m.Months.Select(month =>
                    new object?[] { m.Slug, m.Title, month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.Views,
                        month.UniqueViewers }))));
    }

    internal static Task<Results<Ok<ReachReport>, FileContentHttpResult, ValidationProblem>> Centres(
        ReachReports reports, ContentLibrary library, StaffCalendar calendar, string? from, string? to, string? format,
        CancellationToken cancellationToken) =>
        Reach(reports.CentresAsync, "centre-reach", library, calendar, from, to, format, cancellationToken);

    internal static Task<Results<Ok<ReachReport>, FileContentHttpResult, ValidationProblem>> Roles(
        ReachReports reports, ContentLibrary library, StaffCalendar calendar, string? from, string? to, string? format,
        CancellationToken cancellationToken) =>
        Reach(reports.RolesAsync, "role-reach", library, calendar, from, to, format, cancellationToken);

    internal static async Task<Results<Ok<SearchReport>, FileContentHttpResult, ValidationProblem>> Searches(
        ReachReports reports, StaffCalendar calendar, string? from, string? to, string? format, [FromQuery] int? top,
        CancellationToken cancellationToken)
    {
        if (Invalid(from, to, format, calendar, out var period) is { } problem)
            return problem;
        if (top is < 1 or > 1000)
            return Problems.Invalid("top", "top must be between 1 and 1000.");
        var report = await reports.SearchesAsync(period, top ?? DefaultTop, cancellationToken);
        if (!IsCsv(format))
            return TypedResults.Ok(report);
        IEnumerable<object?[]> Rows(string list, IEnumerable<QueryCount> queries) =>
            queries.Select(q => new object?[] { list, q.Query, q.Searches, q.AverageResults });
        return CsvFile("searches", ["list", "query", "searches", "average_results"],
            Rows("top", report.TopQueries)
                .Concat(Rows("zero_results", report.ZeroResultQueries))
                .Concat(Rows("unopened", report.UnopenedQueries))
                .Concat(report.ClicksByPosition.Select(c =>
                    new object?[] { "clicks_by_position", c.Position.ToString(CultureInfo.InvariantCulture), c.Views, null })));
    }

    internal static async Task<Results<Ok<ContentHealthReport>, FileContentHttpResult, ValidationProblem>> ContentHealth(
        ReachReports reports, MaterialFeedback feedback, ContentLibrary library, StaffCalendar calendar, string? from, string? to,
        string? format, CancellationToken cancellationToken)
    {
        if (Invalid(from, to, format, calendar, out var period) is { } problem)
            return problem;
        var outdated = await feedback.OutdatedAsync(period, cancellationToken);
        var report = await reports.ContentHealthAsync(period, library.Current, calendar.Today, outdated, cancellationToken);
        if (!IsCsv(format))
            return TypedResults.Ok(report);
        return CsvFile("content-health", ["list", "slug", "title", "views", "review_by", "updated", "outdated_votes"],
            report.NeverViewed.Select(m => Row("never_viewed", m)).Concat(report.PastReview.Select(m => Row("past_review", m)))
                .Concat(report.ReviewQueue.Select(m => Row("review_queue", m))));

        static object?[] Row(string list, MaterialHealth m) => [list, m.Slug, m.Title, m.Views, m.ReviewBy, m.Updated, m.OutdatedVotes];
    }

    internal static async Task<Results<ContentHttpResult, ValidationProblem>> ViewsChartSvg(
        ReachReports reports, ContentLibrary library, StaffCalendar calendar, string? from, string? to, [FromQuery] int? top,
        CancellationToken cancellationToken)
    {
        if (Invalid(from, to, null, calendar, out var period) is { } problem)
            return problem;
        if (top is < 1 or > 10)
            return Problems.Invalid("top", "top must be between 1 and 10.");
        var report = await reports.MaterialViewsAsync(period, library.Current, cancellationToken);
        return TypedResults.Content(ViewsChart.Render(report, top ?? 5), "image/svg+xml; charset=utf-8");
    }

    private static async Task<Results<Ok<ReachReport>, FileContentHttpResult, ValidationProblem>> Reach(
        Func<ReportPeriod, ContentSnapshot, CancellationToken, Task<ReachReport>> report, string name,
        ContentLibrary library, StaffCalendar calendar, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (Invalid(from, to, format, calendar, out var period) is { } problem)
            return problem;
        var result = await report(period, library.Current, cancellationToken);
        if (!IsCsv(format))
            return TypedResults.Ok(result);
        return CsvFile(name, ["id", "label", "views", "unique_viewers", "reached"],
            result.Groups.Select(g => new object?[] { g.Id, g.Label, g.Views, g.UniqueViewers, g.Views > 0 ? "yes" : "no" }));
    }

    internal static ValidationProblem? Invalid(string? from, string? to, string? format, StaffCalendar calendar, out ReportPeriod period)
    {
        var (parsed, periodErrors) = ReportPeriod.Parse(from, to, calendar.Today);
        var errors = new FieldErrors();
        foreach (var error in periodErrors)
            errors.Add(error.Parameter, error.Message);
        if (format is not null && !IsCsv(format) && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            errors.Add("format", $"'{format}' is not a format; use json or csv.");
        period = parsed ?? ReportPeriod.SchoolYearOf(calendar.Today);
        return errors.Problem("The report request is not valid.");
    }

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>A CSV download for editors, written by <see cref="Csv"/> (formulas neutralised).</summary>
    internal static FileContentHttpResult CsvFile(string name, string[] header, IEnumerable<object?[]> rows) =>
        TypedResults.File(System.Text.Encoding.UTF8.GetBytes(Csv.Write(header, rows)), "text/csv; charset=utf-8", $"{name}.csv");

    /// <summary>
    /// Declares the CSV that format=csv answers beside the JSON report. A file result declares nothing itself, and a second
    /// Produces of 200 would take the place of the report's: the CSV is added to the 200 the report declares.
    /// </summary>
    internal static RouteHandlerBuilder ProducesCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Responses![StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)].Content!["text/csv"] =
                new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });
}
