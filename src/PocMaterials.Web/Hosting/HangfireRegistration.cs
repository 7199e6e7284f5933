using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Hosting;

/// <summary>Hangfire, which runs the newsletter's and the webhooks' jobs, on the project's PostgreSQL.</summary>
public static class HangfireRegistration
{
    public const string Schema = "hangfire";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // A storage and a job activator of this host, not Hangfire's process-wide ones: several hosts in one
        // process (the tests) each run their own jobs on their own database.
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<Database>()));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogs(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHostedService<HangfireSchemaInstaller>();
        services.AddHangfireServer((sp, server) =>
        {
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            server.Queues = ["default"];
            server.SchedulePollingInterval = sp.GetRequiredService<IOptions<JobsOptions>>().Value.SchedulePollingInterval;
        });
        return builder;
    }

    private static PostgreSqlStorage CreateStorage(Database database) => new(new DatabaseConnections(database), new PostgreSqlStorageOptions
    {
        SchemaName = Schema,
        // Installed by HangfireSchemaInstaller, once the database runs: the storage is built before that.
        PrepareSchemaIfNecessary = false,
        UseSlidingInvisibilityTimeout = true,
        // LISTEN/NOTIFY: an approved issue starts sending at once, not at the next 15-second poll.
        EnableLongPolling = true,
    });

    /// <summary>
    /// The storage takes its connections from the <see cref="Database"/>, whose address is known only once it
    /// has started (the embedded cluster picks a free port), so nothing connects before that.
    /// </summary>
    private sealed class DatabaseConnections(Database database) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => database.DataSource.CreateConnection();
    }
}

/// <summary>After the database has started and before anything enqueues a job: creates or updates Hangfire's schema.</summary>
internal sealed class HangfireSchemaInstaller(Database database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, HangfireRegistration.Schema);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
