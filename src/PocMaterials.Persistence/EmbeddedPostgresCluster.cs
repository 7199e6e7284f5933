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
/// <remarks>
/// Every connection needs a password (scram-sha-256), so other local users and processes cannot get in.
/// The superuser only administers (creates the application's role and databases); the application
/// connects as <see cref="AppRole"/>, which owns its databases and nothing else: it cannot run programs
/// (<c>COPY ... FROM PROGRAM</c>) or read files as the server's user. Both passwords are generated and kept
/// in the cluster's folder, readable by its owner only. A folder created with trust authentication (before
/// passwords) is upgraded at start, its data kept.
/// </remarks>
public sealed partial class EmbeddedPostgresCluster : IAsyncDisposable
{
    public const string DatabaseName = "pocmaterials";

    /// <summary>The role the application connects as: owner of its databases, not a superuser.</summary>
    public const string AppRole = "pocmaterials_app";

    // The superuser initdb created; its name is kept for the clusters created before the application role existed.
    private const string AdminRole = "pocmaterials";

    private readonly string _dataPath;
    private readonly PostgresPrograms _programs;
    private readonly EmbeddedClusterPasswords _passwords;
    private readonly ILogger _logger;
    private readonly int _maxConnections;

    private EmbeddedPostgresCluster(string dataPath, string binaries, ILogger logger, int maxConnections)
    {
        _maxConnections = maxConnections;
        _dataPath = dataPath;
        BinariesPath = binaries;
        _programs = new PostgresPrograms(binaries);
        _passwords = new EmbeddedClusterPasswords(dataPath, _programs);
        _logger = logger;
    }

    public int Port { get; private set; }

    /// <summary>The cluster's folder.</summary>
    public string DataPath => _dataPath;

    /// <summary>The folder of the cluster's binaries (initdb, pg_ctl, pg_dump, pg_restore).</summary>
    public string BinariesPath { get; }

    /// <summary>A connection as the application's role, which owns <paramref name="database"/>.</summary>
    public string ConnectionString(string database = DatabaseName) =>
        Connection(Port, AppRole, _passwords.Read(EmbeddedClusterPasswords.AppPasswordFile), database);

    /// <summary>
    /// A connection as the application's role to the cluster in <paramref name="dataPath"/> that another process
    /// runs (the server), from its lock file's port; null when no server runs there.
    /// </summary>
    public static string? RunningConnectionString(string dataPath)
    {
        var lockFile = Path.Combine(dataPath, "postmaster.pid");
        var passwordFile = Path.Combine(dataPath, EmbeddedClusterPasswords.AppPasswordFile);
        // postmaster.pid: the process id, the folder, the start time, the port, ... (one a line).
        if (!File.Exists(lockFile) || !File.Exists(passwordFile)
            || !int.TryParse(File.ReadLines(lockFile).Skip(3).FirstOrDefault(), out var port))
            return null;
        return Connection(port, AppRole, File.ReadAllText(passwordFile).Trim(), DatabaseName);
    }

    private string AdminConnectionString(string database) =>
        Connection(Port, AdminRole, _passwords.Read(EmbeddedClusterPasswords.AdminPasswordFile), database);

    private static string Connection(int port, string role, string password, string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = role, Password = password, Database = database }
            .ConnectionString;

    /// <summary>Creates the cluster if it does not exist, starts it and waits until it accepts connections.</summary>
    /// <param name="maxConnections">
    /// PostgreSQL's max_connections: one server needs far fewer than 100, a test run with many hosts more.
    /// </param>
    public static async Task<EmbeddedPostgresCluster> StartAsync(
        string dataPath,
        string? binariesPath = null,
        ILogger? logger = null,
        int maxConnections = 100,
        CancellationToken cancellationToken = default)
    {
        var cluster = new EmbeddedPostgresCluster(
            Path.GetFullPath(dataPath), binariesPath ?? FindBinaries(), logger ?? NullLogger.Instance, maxConnections);
        await cluster.StartAsync(cancellationToken);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        if (Port == 0)
            return;
        await _programs.StopServerAsync(_dataPath, allowFailure: true, CancellationToken.None);
        LogClusterStopped(_logger, _dataPath);
        Port = 0;
    }

    /// <summary>Stops the server and starts it again on the same port, as an administrator's restart would.</summary>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        await _programs.StopServerAsync(_dataPath, allowFailure: false, cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await StartServerAsync(Port, cancellationToken);
    }

    /// <summary>Whether the server accepts connections on its port: a dead server refuses them at once.</summary>
    public async Task<bool> IsAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).AsTask()
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Starts the server again on its own port (connection strings stay valid) after it died.</summary>
    /// <returns>Whether it started.</returns>
    public Task<bool> StartAgainAsync(CancellationToken cancellationToken) =>
        StartServerAsync(Port, cancellationToken, allowFailure: true);

    /// <summary>The process id of the running server, from its lock file, or null.</summary>
    public int? ServerProcessId()
    {
        var lockFile = Path.Combine(_dataPath, "postmaster.pid");
        return File.Exists(lockFile) && int.TryParse(File.ReadLines(lockFile).FirstOrDefault(), out var pid) ? pid : null;
    }

    /// <inheritdoc cref="PostgresPrograms.FindBinaries"/>
    public static string FindBinaries() => PostgresPrograms.FindBinaries();

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await _programs.PrepareFolderAsync(_dataPath, cancellationToken);
        if (!File.Exists(Path.Combine(_dataPath, "PG_VERSION")))
        {
            LogCreatingCluster(_logger, _dataPath);
            // Trust only until the first start below sets the passwords, and that start listens on no port.
            string[] initdb = ["-D", _dataPath, "-U", AdminRole, "--auth=trust", "--encoding=UTF8", "--no-locale"];
            await _programs.RunAsync("initdb", initdb, allowFailure: false, cancellationToken);
        }
        // A cluster left running by a killed process is stopped first: its port is unknown to us.
        if (await _programs.RunAsync("pg_ctl", ["status", "-D", _dataPath], allowFailure: true, cancellationToken) == 0)
            await _programs.StopServerAsync(_dataPath, allowFailure: true, cancellationToken);
        if (await _passwords.NeedSettingAsync(cancellationToken))
        {
            LogSettingPasswords(_logger, _dataPath);
            await _passwords.SetAsync(AdminRole, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = PostgresPrograms.FreePort();
            if (await StartServerAsync(port, cancellationToken, allowFailure: attempt < 3))
                break;
            LogPortRetry(_logger, port, attempt);
        }
        await EnsureAppRoleAsync(cancellationToken);
        await CreateDatabaseAsync(DatabaseName, cancellationToken);
        await HandOverObjectsAsync(DatabaseName, cancellationToken);
        LogClusterListening(_logger, Port, _dataPath);
    }

    /// <summary>Creates the application's role, or gives it back its password and takes away powers it should not have.</summary>
    private async Task EnsureAppRoleAsync(CancellationToken cancellationToken)
    {
        var password = _passwords.AppPassword();
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await EmbeddedClusterAdministration.EnsureRestrictedRoleAsync(connection, AppRole, password, cancellationToken);
        await _passwords.KeepAppPasswordAsync(password, cancellationToken);
    }

    /// <summary>
    /// Gives the application's role what the superuser owns in <paramref name="database"/> (its schemas and
    /// their tables, sequences, views and functions): everything a cluster created before that role held.
    /// </summary>
    private async Task HandOverObjectsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        await EmbeddedClusterAdministration.HandOverObjectsAsync(connection, AppRole, AdminRole, cancellationToken);
    }

    private async Task<bool> StartServerAsync(int port, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c max_connections={_maxConnections} -k '{_dataPath}'";
        var started = await _programs.StartServerAsync(_dataPath, options, allowFailure, cancellationToken);
        if (started)
            Port = port;
        return started;
    }

    /// <summary>
    /// Creates a database owned by <see cref="AppRole"/> unless it exists (then it is given to that role): one per test,
    /// or the product's own.
    /// </summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await EmbeddedClusterAdministration.CreateOrGiveDatabaseAsync(connection, name, AppRole, cancellationToken);
    }

    /// <summary>Drops a database (the restore's target before it is filled again).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await EmbeddedClusterAdministration.DropDatabaseAsync(connection, name, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL stopped ({DataPath})")]
    private static partial void LogClusterStopped(ILogger logger, string dataPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating embedded PostgreSQL cluster in {DataPath}")]
    private static partial void LogCreatingCluster(ILogger logger, string dataPath);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Embedded PostgreSQL did not start on port {Port} (attempt {Attempt}); trying another port")]
    private static partial void LogPortRetry(ILogger logger, int port, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL listening on 127.0.0.1:{Port} ({DataPath})")]
    private static partial void LogClusterListening(ILogger logger, int port, string dataPath);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Setting passwords and password authentication on the embedded PostgreSQL cluster in {DataPath}")]
    private static partial void LogSettingPasswords(ILogger logger, string dataPath);
}
