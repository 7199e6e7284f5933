using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Reach.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The data folder and the embedded PostgreSQL cluster in it, as the product runs by default: one
/// server per folder, and a cluster that comes back when it dies.
/// </summary>
public sealed class DataFolderTests : HostFixture
{
    // No connection string: the server starts its own cluster in the data folder.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Postgres:ConnectionString"] = "" };

    protected override Task PrepareAsync()
    {
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche", "Over leersteun.");
        return Task.CompletedTask;
    }

    protected override async Task StartedAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync("/health")).StatusCode);

    [Fact]
    public async Task A_second_server_on_the_same_data_folder_refuses_to_start_and_the_first_serves_on()
    {
        var error = Assert.IsType<DataFolderInUseException>(
            await HostStart.FailureAsync(Folder, "Development", new Dictionary<string, string?>()));

        Assert.Contains(Folder.DataPath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"process {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        var client = await App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=leersteun")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_killed_embedded_PostgreSQL_is_restarted_and_events_of_the_outage_are_kept()
    {
        var cluster = App.Services.GetRequiredService<Database>().EmbeddedCluster!;
        var client = await App.ClientFor(["clb-medewerker"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/fiche-leersteun")).StatusCode);

        using (var postmaster = Process.GetProcessById(cluster.ServerProcessId()!.Value))
            postmaster.Kill();
        await Eventually.TrueAsync(
            async () => !await cluster.IsAcceptingConnectionsAsync(CancellationToken.None), "the killed server still accepted connections");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/materials/fiche-leersteun")).StatusCode);

        await Eventually.TrueAsync(async () => await DatabaseStatusAsync() == "Healthy", "the database check did not become healthy again");
        await Eventually.TrueAsync(async () => await CountViewsAsync(cluster) == 6, "the views of the outage were not written");
        Assert.Equal(0, App.Services.GetRequiredService<ReachRecorder>().Dropped);
    }

    [Fact]
    public async Task A_burst_of_clients_waits_for_pooled_connections_below_the_servers_limit_and_gets_no_server_error()
    {
        var cluster = App.Services.GetRequiredService<Database>().EmbeddedCluster!;
        var staff = await App.ClientFor(["clb-medewerker"]);
        var anonymous = App.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            using var response = i % 2 == 0 ? await anonymous.GetAsync("/health") : await staff.GetAsync("/api/newsletters");
            return response.StatusCode;
        }));
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var backends = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var opened = (long)(await backends.ExecuteScalarAsync())!;

        Assert.All(answers, status => Assert.True((int)status < 500, $"a request answered {status}"));
        // The pools of the host (requests and jobs, and the writes without waiting for the disk) and nothing more.
        Assert.InRange(opened, 1, new PostgresOptions().MaxPoolSize + PostgresOptions.AsyncCommitPoolSize);
    }

    private async Task<string?> DatabaseStatusAsync()
    {
        // 503 while a check fails; the body says which.
        using var response = await App.CreateClient().GetAsync("/health");
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return health.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString();
    }

    private static async Task<long> CountViewsAsync(EmbeddedPostgresCluster cluster)
    {
        try
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM material_views", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (NpgsqlException)
        {
            return -1;
        }
    }
}
