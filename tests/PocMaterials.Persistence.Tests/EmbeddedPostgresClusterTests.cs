using Npgsql;

namespace PocMaterials.Persistence.Tests;

public sealed class EmbeddedPostgresClusterTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pocmaterials-tests", "cluster-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    [Fact]
    public async Task A_cluster_is_created_started_stopped_and_keeps_its_data_across_restarts()
    {
        await using (var cluster = await EmbeddedPostgresCluster.StartAsync(_folder))
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('bewaard')", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var restarted = await EmbeddedPostgresCluster.StartAsync(_folder))
        {
            await using var connection = new NpgsqlConnection(restarted.ConnectionString());
            await connection.OpenAsync();
            await using var select = new NpgsqlCommand("SELECT value FROM kept", connection);
            Assert.Equal("bewaard", await select.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task A_cluster_left_running_by_a_killed_process_is_taken_over()
    {
        var orphan = await EmbeddedPostgresCluster.StartAsync(_folder);
        var orphanPort = orphan.Port;

        // The orphan is never disposed, as after a kill; a new start stops it and starts afresh.
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(_folder);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();

        Assert.True(cluster.Port > 0);
        await using var old = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Port = orphanPort, Timeout = 2 }.ConnectionString);
        if (orphanPort != cluster.Port)
            await Assert.ThrowsAnyAsync<Exception>(() => old.OpenAsync());
    }
}
