using PocMaterials.Web.Options;

namespace PocMaterials.Web.Reports;

/// <summary>The school-year report: its builder, the features' sections and the PDF's printer.</summary>
public static class AnnualReportServices
{
    public static IServiceCollection AddAnnualReport(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChromiumPrinter>();
        services.AddSingleton<AnnualSearchTables>();
        services.AddSingleton<AnnualReportBuilder>();
        // The features' sections, in the order the report shows them after its own tables.
        services.AddSingleton<IAnnualReportSection, AnnualNewsletterSection>();
        services.AddSingleton<IAnnualReportSection, AnnualHelpdeskSection>();
        return services;
    }
}
