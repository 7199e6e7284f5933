using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Persistence;

/// <summary>
/// The PostgreSQL database of PocMaterials: the configured server, or an embedded cluster in the data
/// folder. Ready, and migrated, once the host has started.
/// </summary>
/// <param name="schema">The tables to create and migrate: every feature's.</param>
public sealed class Database(DatabaseSchema schema) : IAsyncDisposable
{
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _asyncCommitDataSource;
    private EmbeddedPostgresCluster? _cluster;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database is not started yet.");

    /// <summary>
    /// Connections whose commits do not wait for the disk (synchronous_commit off): only for writes that a
    /// crash may lose without harm. Such a loss is never corruption, only the last fraction of a second.
    /// </summary>
    public NpgsqlDataSource AsyncCommitDataSource =>
        _asyncCommitDataSource ?? throw new InvalidOperationException("The database is not started yet.");

    public bool IsStarted => _dataSource is not null;

    /// <summary>The embedded cluster's folder inside the data folder.</summary>
    public const string ClusterFolder = "postgres";

    /// <summary>The connection string of the database, once started: the configured one or the embedded cluster's.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>The embedded cluster, when no connection string was configured.</summary>
    public EmbeddedPostgresCluster? EmbeddedCluster => _cluster;

    /// <summary>Connects (starting the embedded cluster when no connection string is given) and migrates.</summary>
    public async Task StartAsync(PostgresOptions options, string dataPath, ILogger logger, CancellationToken cancellationToken)
    {
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            _cluster = await EmbeddedPostgresCluster.StartAsync(
                Path.Combine(dataPath, ClusterFolder), options.BinariesPath, logger, cancellationToken: cancellationToken);
            connectionString = _cluster.ConnectionString();
        }
        ConnectionString = connectionString;
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.MaxPoolSize });
        _asyncCommitDataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = PostgresOptions.AsyncCommitPoolSize,
            Options = "-c synchronous_commit=off",
        });
        await DatabaseMigrator.MigrateAsync(_dataSource, schema, logger, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        if (_asyncCommitDataSource is not null)
            await _asyncCommitDataSource.DisposeAsync();
        _dataSource = null;
        _asyncCommitDataSource = null;
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        _cluster = null;
    }
}

/// <summary>Starts the database before the services that need it, and stops an embedded cluster last.</summary>
public sealed class DatabaseStartup(
    Database database, IOptions<PostgresOptions> options, DataFolderLock dataFolder, ILogger<DatabaseStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        database.StartAsync(options.Value, dataFolder.Path, logger, cancellationToken);

    // The cluster stops when the container disposes the Database, after every hosted service has stopped.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Healthy when the database answers a query. The answer is kept for two seconds and shared by the checks
/// that ask meanwhile: an anonymous burst on /health costs the database one query, not one connection each.
/// </summary>
public sealed class DatabaseHealthCheck(Database database, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(2);
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(Database));
    private readonly Lock _gate = new();
    private (Task<HealthCheckResult> Result, DateTimeOffset At)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_last is not { } last || now - last.At >= KeptFor)
            {
                // Not the caller's token: the answer is shared, and one caller going away must not cancel it for the others.
                last = (QueryAsync(CancellationToken.None), now);
                _last = last;
            }
            return last.Result.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> QueryAsync(CancellationToken cancellationToken)
    {
        if (!database.IsStarted)
            return HealthCheckResult.Unhealthy("The database is not started.");
        try
        {
            await using var command = Sql["CountMigrations"].Command(database.DataSource);
            var migrations = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("Database answers.", new Dictionary<string, object> { ["migrations"] = migrations! });
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
