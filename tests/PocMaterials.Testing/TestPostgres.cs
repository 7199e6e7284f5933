using Npgsql;
using PocMaterials.Persistence;

namespace PocMaterials.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (per test process), started the way the product
/// starts its embedded cluster, on a free port. Each test gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<EmbeddedPostgresCluster>> Cluster = new(StartAsync);
    private static readonly string Root =
        Path.Combine(Path.GetTempPath(), "pocmaterials-tests", "postgres-" + Guid.NewGuid().ToString("N"));

    /// <summary>A new, empty database; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var cluster = await Cluster.Value;
        var name = "test_" + Guid.NewGuid().ToString("N");
        await cluster.CreateDatabaseAsync(name, CancellationToken.None);
        // Tests open connections of their own beside the hosts'; idle ones close within seconds, so the
        // pools of a hundred test databases do not fill the cluster.
        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString(name))
        {
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    /// <summary>Runs one statement on a test database, for a test's own set-up.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The single number a query answers (a count, a sum), from a test database.</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<EmbeddedPostgresCluster> StartAsync()
    {
        RemoveAbandonedClusters();
        // Every web host of a test run has its pools and a Hangfire server on this one cluster.
        var cluster = await EmbeddedPostgresCluster.StartAsync(Root, maxConnections: 800);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is the OS's to clean when a file is still held.
            }
        };
        return cluster;
    }

    /// <summary>
    /// Clusters of earlier runs whose process was killed before it could clean up (a cancelled run, a
    /// crashed test host) are gigabytes each: a cluster whose postmaster no longer runs is removed.
    /// </summary>
    private static void RemoveAbandonedClusters()
    {
        var parent = Path.GetDirectoryName(Root)!;
        if (!Directory.Exists(parent))
            return;
        foreach (var folder in Directory.EnumerateDirectories(parent, "postgres-*"))
        {
            var pidFile = Path.Combine(folder, "postmaster.pid");
            try
            {
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsRunning(pid))
                    continue;
                // A cluster being created right now has no pid file yet: leave folders younger than a minute.
                if (Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-1))
                    continue;
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another run removes it, or holds it: either way not ours to fight over.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
