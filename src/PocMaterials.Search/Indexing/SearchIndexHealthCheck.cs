using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PocMaterials.Search.Indexing;

/// <summary>The index is healthy when it can be searched.</summary>
public sealed class SearchIndexHealthCheck(MaterialIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var documents = index.DocumentCount();
            var data = new Dictionary<string, object> { ["documents"] = documents };
            return Task.FromResult(HealthCheckResult.Healthy("Index searchable.", data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The search index cannot be read.", e));
        }
    }
}
