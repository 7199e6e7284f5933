using PocMaterials.Content.Library;
using PocMaterials.Reach.Reports;

namespace PocMaterials.Web.Reports;

/// <summary>The school year a report is of, the one before it, and the content as it is now.</summary>
public sealed record AnnualYears(ReportPeriod Year, ReportPeriod Last, ContentSnapshot Content);

/// <summary>
/// A feature's part of the school-year report: its tables, each figure beside the previous school year's. Registered as
/// a service (<see cref="AnnualReportServices"/>), a section's tables follow the report's own in registration order and
/// are shown, printed, charted and given as CSV like them, by their names.
/// </summary>
public interface IAnnualReportSection
{
    Task<IReadOnlyList<AnnualTable>> TablesAsync(AnnualYears years, CancellationToken cancellationToken);
}
