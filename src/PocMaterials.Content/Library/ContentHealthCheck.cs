using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PocMaterials.Content.Library;

/// <summary>Content is healthy when it loaded; files with errors make it degraded, so editors notice.</summary>
public sealed class ContentHealthCheck(ContentLibrary library) : IHealthCheck
{
    private const int MaxListedErrors = 20;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var content = library.Current;
        var data = new Dictionary<string, object>
        {
            ["materials"] = content.Materials.Count,
            ["themes"] = content.Themes.Count,
            ["errors"] = content.Errors.Count,
            ["version"] = content.Version,
        };
        if (content.Errors.Count > 0)
            data["firstErrors"] = content.Errors.Take(MaxListedErrors).Select(e => e.ToString()).ToList();
        var result = content.Materials.Count == 0
            ? HealthCheckResult.Unhealthy("No materials are loaded.", data: data)
            : content.Errors.Count > 0
                ? HealthCheckResult.Degraded($"{content.Errors.Count} content errors; run the validate command to list them.", data: data)
                : HealthCheckResult.Healthy("Content loaded.", data);
        return Task.FromResult(result);
    }
}
