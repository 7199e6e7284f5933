using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace PocMaterials.Persistence.Tests;

public sealed class EmbeddedPostgresClusterTests : IDisposable
{
    private static readonly bool AsRoot = Environment.UserName == "root";
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
        await using var old = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Port = orphanPort, Timeout = 2 }.ConnectionString);
        if (orphanPort != cluster.Port)
            await Assert.ThrowsAnyAsync<Exception>(() => old.OpenAsync());
    }

    [Fact]
    public async Task A_connection_without_the_password_is_refused_over_TCP_and_over_the_socket()
    {
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(_folder);
        var withPassword = new NpgsqlConnectionStringBuilder(cluster.ConnectionString());

        foreach (var role in new[] { EmbeddedPostgresCluster.AppRole, "pocmaterials", "postgres" })
        {
            var noPassword = new NpgsqlConnectionStringBuilder(withPassword.ConnectionString)
            {
                Username = role,
                Password = null,
                Pooling = false,
            };
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(noPassword.ConnectionString));
            var wrongPassword = new NpgsqlConnectionStringBuilder(noPassword.ConnectionString) { Password = "pocmaterials" };
            var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrongPassword.ConnectionString));
            Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
            var socket = new NpgsqlConnectionStringBuilder(noPassword.ConnectionString) { Host = cluster.DataPath, Port = cluster.Port };
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(socket.ConnectionString));
        }
        await OpenAsync(withPassword.ConnectionString);
    }

    [Fact]
    public async Task The_application_role_is_not_a_superuser_and_cannot_run_programs_as_the_server()
    {
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(_folder);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();

        await using (var role = new NpgsqlCommand(
            "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user", connection))
            Assert.Equal(false, await role.ExecuteScalarAsync());
        await using (var create = new NpgsqlCommand("CREATE TABLE loot (line text)", connection))
            await create.ExecuteNonQueryAsync();
        await using var program = new NpgsqlCommand("COPY loot FROM PROGRAM 'id'", connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => program.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task A_cluster_created_with_trust_authentication_is_upgraded_at_start_and_keeps_its_data()
    {
        // The folder as the versions before passwords left it: trust for everyone, everything owned by the superuser.
        var binaries = EmbeddedPostgresCluster.FindBinaries();
        Directory.CreateDirectory(_folder);
        if (AsRoot)
            await RunAsync("chown", "-R", "postgres:postgres", _folder);
        await RunAsPostgresAsync(
            Path.Combine(binaries, "initdb"), "-D", _folder, "-U", "pocmaterials", "--auth=trust", "--encoding=UTF8", "--no-locale");
        var port = FreePort();
        await RunAsPostgresAsync(Path.Combine(binaries, "pg_ctl"), "start", "-D", _folder, "-w", "-l", Path.Combine(_folder, "server.log"),
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k '{_folder}'");
        var trusted = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "pocmaterials",
            Database = "postgres",
            Pooling = false,
        };
        await ExecuteAsync(trusted.ConnectionString, "CREATE DATABASE pocmaterials");
        trusted.Database = "pocmaterials";
        await ExecuteAsync(trusted.ConnectionString, """
            CREATE SCHEMA hangfire; CREATE TABLE hangfire.job (id bigserial PRIMARY KEY, name text);
            CREATE TABLE kept (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, value text); INSERT INTO kept (value) VALUES ('bewaard');
            CREATE FUNCTION twice(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a * 2';
            CREATE AGGREGATE joined(text) (SFUNC = textcat, STYPE = text);
            """);
        await RunAsPostgresAsync(Path.Combine(binaries, "pg_ctl"), "stop", "-D", _folder, "-w");

        await using var cluster = await EmbeddedPostgresCluster.StartAsync(_folder);

        // The data is kept, and the application's role owns it: it can change the tables as its migrations do.
        var app = cluster.ConnectionString();
        Assert.Equal("bewaard", await ScalarAsync(app, "SELECT value FROM kept"));
        await ExecuteAsync(app, """
            INSERT INTO kept (value) VALUES ('nieuw'); ALTER TABLE kept ADD COLUMN note text;
            INSERT INTO hangfire.job (name) VALUES ('x'); ALTER TABLE hangfire.job ADD COLUMN note text;
            CREATE TABLE hangfire.more (id int);
            SELECT twice(2), joined(value) FROM kept; ALTER AGGREGATE joined(text) RENAME TO concatenated;
            ALTER FUNCTION twice(integer) RENAME TO double
            """);
        Assert.Equal(false, await ScalarAsync(app, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        var noPassword = new NpgsqlConnectionStringBuilder(app) { Username = "pocmaterials", Password = null, Pooling = false };
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(noPassword.ConnectionString));
        Assert.DoesNotContain("trust", File.ReadAllText(Path.Combine(_folder, "pg_hba.conf")), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new[] { "pocmaterials-app.password", "pocmaterials-admin.password" })
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, file)));
        }
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>PostgreSQL's binaries refuse to run as root: as root they run as the postgres user, as the product runs them.</summary>
    private static Task RunAsPostgresAsync(string binary, params string[] arguments) =>
        AsRoot ? RunAsync("runuser", ["-u", "postgres", "--", binary, .. arguments]) : RunAsync(binary, arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = "/",
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} failed: {await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
