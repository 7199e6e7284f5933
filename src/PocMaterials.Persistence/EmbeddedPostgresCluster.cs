using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace PocMaterials.Persistence;

/// <summary>
/// A private PostgreSQL cluster in a folder of ours, started from the machine's binaries (initdb,
/// pg_ctl) on a free loopback port. As root, PostgreSQL refuses to run, so the binaries run as the
/// <c>postgres</c> user on a folder that user owns.
/// </summary>
public sealed class EmbeddedPostgresCluster : IAsyncDisposable
{
    public const string DatabaseName = "pocmaterials";
    private const string SuperUser = "pocmaterials";

    private readonly string _dataPath;
    private readonly string _binaries;
    private readonly ILogger _logger;
    private readonly bool _asPostgresUser;

    private readonly int _maxConnections;

    private EmbeddedPostgresCluster(string dataPath, string binaries, ILogger logger, int maxConnections)
    {
        _maxConnections = maxConnections;
        _dataPath = dataPath;
        _binaries = binaries;
        _logger = logger;
        _asPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; private set; }

    public string ConnectionString(string database = DatabaseName) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Pooling = true,
    }.ConnectionString;

    /// <summary>Creates the cluster if it does not exist, starts it and waits until it accepts connections.</summary>
    /// <param name="maxConnections">PostgreSQL's max_connections: one server needs far fewer than 100, a test run with many hosts more.</param>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        string dataPath, string? binariesPath = null, ILogger? logger = null, int maxConnections = 100, CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgresCluster(Path.GetFullPath(dataPath), binariesPath ?? FindBinaries(), logger ?? NullLogger.Instance, maxConnections);
        await cluster.StartAsync(cancellationToken);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        if (Port == 0)
            return;
        await RunAsync("pg_ctl", ["stop", "-D", _dataPath, "-m", "fast", "-w", "-t", "60"], allowFailure: true, CancellationToken.None);
        _logger.LogInformation("Embedded PostgreSQL stopped ({DataPath})", _dataPath);
        Port = 0;
    }

    /// <summary>Stops the server and starts it again on the same port, as an administrator's restart would.</summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        await RunAsync("pg_ctl", ["stop", "-D", _dataPath, "-m", "fast", "-w"], allowFailure: false, cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await StartServerAsync(Port, cancellationToken);
    }

    /// <summary>Whether the server accepts connections on its port: a dead server refuses them at once.</summary>
    public async Task<bool> IsAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Starts the server again on its own port (connection strings stay valid) after it died.</summary>
    /// <returns>Whether it started.</returns>
    public Task<bool> StartAgainAsync(CancellationToken cancellationToken) => StartServerAsync(Port, cancellationToken, allowFailure: true);

    /// <summary>The process id of the running server, from its lock file, or null.</summary>
    public int? ServerProcessId()
    {
        var lockFile = Path.Combine(_dataPath, "postmaster.pid");
        return File.Exists(lockFile) && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), out var pid) ? pid : null;
    }

    /// <summary>The newest PostgreSQL under /usr/lib/postgresql (Debian's layout).</summary>
    public static string FindBinaries()
    {
        var root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "No PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql: install the 'postgresql' package or set Postgres:ConnectionString.");
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareFolderAsync(cancellationToken);
        if (!File.Exists(Path.Combine(_dataPath, "PG_VERSION")))
        {
            _logger.LogInformation("Creating embedded PostgreSQL cluster in {DataPath}", _dataPath);
            await RunAsync("initdb", ["-D", _dataPath, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale"], allowFailure: false, cancellationToken);
        }
        // A cluster left running by a killed process is stopped first: its port is unknown to us.
        if (await RunAsync("pg_ctl", ["status", "-D", _dataPath], allowFailure: true, cancellationToken) == 0)
            await RunAsync("pg_ctl", ["stop", "-D", _dataPath, "-m", "fast", "-w"], allowFailure: true, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            if (await StartServerAsync(port, cancellationToken, allowFailure: attempt < 3))
                break;
            _logger.LogWarning("Embedded PostgreSQL did not start on port {Port} (attempt {Attempt}); trying another port", port, attempt);
        }
        await CreateDatabaseAsync(DatabaseName, cancellationToken);
        _logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port} ({DataPath})", Port, _dataPath);
    }

    private async Task<bool> StartServerAsync(int port, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c max_connections={_maxConnections} -k '{_dataPath}'";
        var exit = await RunAsync("pg_ctl", ["start", "-D", _dataPath, "-w", "-t", "60", "-l", Path.Combine(_dataPath, "server.log"), "-o", options], allowFailure, cancellationToken);
        if (exit == 0)
            Port = port;
        return exit == 0;
    }

    /// <summary>Creates a database unless it exists: one per test, or the product's own.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is quoted as an identifier.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task PrepareFolderAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dataPath);
        if (!_asPostgresUser)
            return;
        await RunProcessAsync("chown", ["-R", "postgres:postgres", _dataPath], allowFailure: false, cancellationToken);
        await RunProcessAsync("chmod", ["700", _dataPath], allowFailure: false, cancellationToken);
        if (await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-w", _dataPath], allowFailure: true, cancellationToken) != 0)
        {
            throw new InvalidOperationException(
                $"The postgres user cannot reach {_dataPath}: a parent folder is not searchable by others. " +
                "Set Data:DataPath to a folder outside a private home directory, or Postgres:ConnectionString.");
        }
    }

    private Task<int> RunAsync(string binary, string[] arguments, bool allowFailure, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_binaries, binary);
        return _asPostgresUser
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", path, .. arguments], allowFailure, cancellationToken)
            : RunProcessAsync(path, arguments, allowFailure, cancellationToken);
    }

    private async Task<int> RunProcessAsync(string file, string[] arguments, bool allowFailure, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user cannot read our working directory when it is private.
            WorkingDirectory = "/",
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }
        return process.ExitCode;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
