using Microsoft.Extensions.Options;
using PocMaterials.Persistence;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Wires the data folder and the database: its options, its lock, the database and the embedded cluster's supervisor.</summary>
public static class PersistenceServices
{
    /// <summary>Options are bound from the host's configuration and validated at start.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Everything kept in the data folder is opened through its lock, so a second server on the same folder stops here.
        services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<IOptions<DataOptions>>().Value.DataPath));
        // The database starts first and stops last: every service registered after it may need it.
        services.AddSingleton<Database>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StaffNames>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<EmbeddedPostgresSupervisor>();
        // One instance, so the database check's kept answer is shared by every request.
        services.AddSingleton<DatabaseHealthCheck>();
        return services;
    }
}
