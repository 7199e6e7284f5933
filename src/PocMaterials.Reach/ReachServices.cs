using Microsoft.Extensions.Options;
using PocMaterials.Persistence;
using PocMaterials.Reach;
using PocMaterials.Reach.Feedback;
using PocMaterials.Reach.Learning;
using PocMaterials.Reach.Reports;
using PocMaterials.Reach.Tracking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Wires reach: its options, the pseudonymous recording of views and searches, the writer, retention, reports,
/// learning from use and "Was dit nuttig?" votes.
/// </summary>
public static class ReachServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddReach(this IServiceCollection services)
    {
        services.AddOptions<ReachOptions>().BindConfiguration(ReachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ViewerPseudonyms.FromOptions(
            sp.GetRequiredService<IOptions<ReachOptions>>().Value, sp.GetRequiredService<DataFolderLock>().Path));
        services.AddSingleton<ReachTracking>();
        services.AddSingleton<ReachRecorder>();
        services.AddSingleton<IMaterialRecords, ReachHistory>();
        services.AddSingleton<ReachEventStore>();
        services.AddSingleton<ReachEventWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ReachEventWriter>());
        services.AddSingleton<RawEventRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<RawEventRetention>());
        services.AddSingleton<MaterialFeedback>();
        services.AddSingleton<IMaterialRecords>(sp => sp.GetRequiredService<MaterialFeedback>());
        services.AddSingleton<FeedbackReports>();
        services.AddSingleton<ReachReports>();
        services.AddOptions<SearchLearningOptions>().BindConfiguration(SearchLearningOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AliasEvidence>();
        services.AddSingleton<SearchLearning>();
        return services;
    }
}
