using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Web.Options;

/// <summary>Hangfire's server in this host.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often scheduled jobs (a webhook's next attempt) are looked for: they start up to this late.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);
}
