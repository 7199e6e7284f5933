using Microsoft.Extensions.Logging;
using PocMaterials.Content.Library;
using PocMaterials.Search.Indexing;
using PocMaterials.Search.Querying;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the search engine: the index kept in step with the content, the searcher and the index's health check.</summary>
public static class SearchServices
{
    /// <param name="indexPath">The index's folder; the host keeps it in its data folder. Search has no options of its own.</param>
    public static IServiceCollection AddSearch(this IServiceCollection services, Func<IServiceProvider, string> indexPath)
    {
        services.AddSingleton(sp => new MaterialIndex(indexPath(sp), sp.GetRequiredService<ILogger<MaterialIndex>>()));
        services.AddSingleton(sp =>
        {
            var library = sp.GetRequiredService<ContentLibrary>();
            return new MaterialSearcher(sp.GetRequiredService<MaterialIndex>(), () => library.Current);
        });
        services.AddHostedService<ContentIndexingService>();
        services.AddHealthChecks().AddCheck<SearchIndexHealthCheck>("search-index");
        return services;
    }
}
