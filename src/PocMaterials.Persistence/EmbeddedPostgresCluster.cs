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
    private const string AdminPasswordFile = "pocmaterials-admin.password";
    private const string AppPasswordFile = "pocmaterials-app.password";
    private const string MaintenanceHbaFile = "maintenance_hba.conf";

    // Passwords for every connection, over the socket (in the cluster's own folder) as over loopback TCP.
    private const string HbaConfiguration = """
        # Written by PocMaterials at every start: every connection needs its role's password.
        local all all scram-sha-256
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256

        """;

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

    /// <summary>The cluster's folder.</summary>
    public string DataPath => _dataPath;

    /// <summary>The folder of the cluster's binaries (initdb, pg_ctl, pg_dump, pg_restore).</summary>
    public string BinariesPath => _binaries;

    /// <summary>A connection as the application's role, which owns <paramref name="database"/>.</summary>
    public string ConnectionString(string database = DatabaseName) => Connection(AppRole, ReadPassword(AppPasswordFile), database);

    /// <summary>
    /// A connection as the application's role to the cluster in <paramref name="dataPath"/> that another process
    /// runs (the server), from its lock file's port; null when no server runs there.
    /// </summary>
    public static string? RunningConnectionString(string dataPath)
    {
        var lockFile = Path.Combine(dataPath, "postmaster.pid");
        var passwordFile = Path.Combine(dataPath, AppPasswordFile);
        // postmaster.pid: the process id, the folder, the start time, the port, ... (one a line).
        if (!File.Exists(lockFile) || !File.Exists(passwordFile) || File.ReadLines(lockFile).Skip(3).FirstOrDefault() is not { } portLine
            || !int.TryParse(portLine, out var port))
            return null;
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = AppRole,
            Password = File.ReadAllText(passwordFile).Trim(),
            Database = DatabaseName,
        }.ConnectionString;
    }

    private string AdminConnectionString(string database) => Connection(AdminRole, ReadPassword(AdminPasswordFile), database);

    private string Connection(string role, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = role,
        Password = password,
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
        LogClusterStopped(_logger, _dataPath);
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
            LogCreatingCluster(_logger, _dataPath);
            // Trust only until the first start below sets the passwords, and that start listens on no port.
            await RunAsync("initdb", ["-D", _dataPath, "-U", AdminRole, "--auth=trust", "--encoding=UTF8", "--no-locale"], allowFailure: false, cancellationToken);
        }
        // A cluster left running by a killed process is stopped first: its port is unknown to us.
        if (await RunAsync("pg_ctl", ["status", "-D", _dataPath], allowFailure: true, cancellationToken) == 0)
            await RunAsync("pg_ctl", ["stop", "-D", _dataPath, "-m", "fast", "-w"], allowFailure: true, cancellationToken);
        if (!File.Exists(Path.Combine(_dataPath, AdminPasswordFile)) || await File.ReadAllTextAsync(Path.Combine(_dataPath, "pg_hba.conf"), cancellationToken) != HbaConfiguration)
            await SecureAsync(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            if (await StartServerAsync(port, cancellationToken, allowFailure: attempt < 3))
                break;
            LogPortRetry(_logger, port, attempt);
        }
        await EnsureAppRoleAsync(cancellationToken);
        await CreateDatabaseAsync(DatabaseName, cancellationToken);
        await HandOverObjectsAsync(DatabaseName, cancellationToken);
        LogClusterListening(_logger, Port, _dataPath);
    }

    /// <summary>
    /// Sets a new superuser password and password authentication: for a new cluster, one created with trust
    /// authentication, or one whose password file is lost. The server runs meanwhile on no TCP port, with
    /// trust only on the socket in the cluster's folder, which no one but its owner (and root) can open.
    /// </summary>
    private async Task SecureAsync(CancellationToken cancellationToken)
    {
        LogSettingPasswords(_logger, _dataPath);
        var maintenanceHba = Path.Combine(_dataPath, MaintenanceHbaFile);
        await WritePrivateAsync(maintenanceHba, "local all all trust\n", cancellationToken);
        await WritePrivateAsync(Path.Combine(_dataPath, "pg_hba.conf"), HbaConfiguration, cancellationToken);
        await PrepareFolderAsync(cancellationToken);
        const int socketPort = 5432;
        var options = $"-p {socketPort} -c listen_addresses= -k '{_dataPath}' -c hba_file='{maintenanceHba}'";
        await RunAsync("pg_ctl", ["start", "-D", _dataPath, "-w", "-t", "60", "-l", Path.Combine(_dataPath, "server.log"), "-o", options], allowFailure: false, cancellationToken);
        try
        {
            var password = NewPassword();
            var socket = new NpgsqlConnectionStringBuilder { Host = _dataPath, Port = socketPort, Username = AdminRole, Database = "postgres", Pooling = false };
            await using (var connection = new NpgsqlConnection(socket.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await ExecuteFormattedAsync(connection, "ALTER ROLE %I PASSWORD %L", [AdminRole, password], cancellationToken);
            }
            // Written once the role has it: a start interrupted before this one sets another.
            await WritePrivateAsync(Path.Combine(_dataPath, AdminPasswordFile), password, cancellationToken);
        }
        finally
        {
            await RunAsync("pg_ctl", ["stop", "-D", _dataPath, "-m", "fast", "-w", "-t", "60"], allowFailure: true, CancellationToken.None);
            File.Delete(maintenanceHba);
        }
    }

    /// <summary>Creates the application's role, or gives it back its password and takes away any power it should not have.</summary>
    private async Task EnsureAppRoleAsync(CancellationToken cancellationToken)
    {
        var passwordFile = Path.Combine(_dataPath, AppPasswordFile);
        var password = File.Exists(passwordFile) ? ReadPassword(AppPasswordFile) : NewPassword();
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection) { Parameters = { new() { Value = AppRole } } })
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                await ExecuteFormattedAsync(connection, "CREATE ROLE %I LOGIN", [AppRole], cancellationToken);
        }
        await ExecuteFormattedAsync(connection, "ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L", [AppRole, password], cancellationToken);
        if (!File.Exists(passwordFile))
            await WritePrivateAsync(passwordFile, password, cancellationToken);
    }

    /// <summary>
    /// Gives the application's role what the superuser owns in <paramref name="database"/> (its schemas and
    /// their tables, sequences, views and functions): everything a cluster created before that role held.
    /// </summary>
    private async Task HandOverObjectsAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString(database));
        await connection.OpenAsync(cancellationToken);
        // Identifiers cannot be parameters; the names come from the catalogue and are quoted by format(%I).
        // A sequence that belongs to a column moves with its table.
        await using var command = new NpgsqlCommand($$"""
            DO $$
            DECLARE item record;
            BEGIN
                FOR item IN
                    SELECT format('ALTER SCHEMA %I OWNER TO {{AppRole}}', n.nspname) AS statement
                    FROM pg_namespace n
                    WHERE n.nspowner = '{{AdminRole}}'::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                    UNION ALL
                    SELECT format('ALTER %s %I.%I OWNER TO {{AppRole}}',
                        CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, n.nspname, c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relowner = '{{AdminRole}}'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                    UNION ALL
                    SELECT format('ALTER ROUTINE %s OWNER TO {{AppRole}}', p.oid::regprocedure)
                    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE p.proowner = '{{AdminRole}}'::regrole AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                LOOP
                    EXECUTE item.statement;
                END LOOP;
            END
            $$
            """, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> StartServerAsync(int port, CancellationToken cancellationToken, bool allowFailure = false)
    {
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c max_connections={_maxConnections} -k '{_dataPath}'";
        var exit = await RunAsync("pg_ctl", ["start", "-D", _dataPath, "-w", "-t", "60", "-l", Path.Combine(_dataPath, "server.log"), "-o", options], allowFailure, cancellationToken);
        if (exit == 0)
            Port = port;
        return exit == 0;
    }

    /// <summary>Creates a database owned by <see cref="AppRole"/> unless it exists (then it is given to that role): one per test, or the product's own.</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        var statement = await exists.ExecuteScalarAsync(cancellationToken) is null ? "CREATE DATABASE %I OWNER %I" : "ALTER DATABASE %I OWNER TO %I";
        await ExecuteFormattedAsync(connection, statement, [name, AppRole], cancellationToken);
    }

    /// <summary>Drops a database (the restore's target before it is filled again).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await ExecuteFormattedAsync(connection, "DROP DATABASE IF EXISTS %I WITH (FORCE)", [name], cancellationToken);
    }

    /// <summary>
    /// Runs a statement that cannot take parameters (roles, databases, passwords): PostgreSQL's format() quotes
    /// the values, given to it as parameters, as identifiers (%I) or literals (%L).
    /// </summary>
    private static async Task ExecuteFormattedAsync(NpgsqlConnection connection, string template, string[] values, CancellationToken cancellationToken)
    {
        await using var format = new NpgsqlCommand($"SELECT format($1, {string.Join(", ", values.Select((_, i) => $"${i + 2}::text"))})", connection);
        format.Parameters.Add(new() { Value = template });
        foreach (var value in values)
            format.Parameters.Add(new() { Value = value });
        var statement = (string)(await format.ExecuteScalarAsync(cancellationToken))!;
        await using var execute = new NpgsqlCommand(statement, connection);
        await execute.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ReadPassword(string file) => File.ReadAllText(Path.Combine(_dataPath, file)).Trim();

    private static string NewPassword() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A file only its owner can read, created with that mode (never readable by others, not even for a moment).</summary>
    private static async Task WritePrivateAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temporary, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        File.Move(temporary, path, overwrite: true);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL stopped ({DataPath})")]
    private static partial void LogClusterStopped(ILogger logger, string dataPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Creating embedded PostgreSQL cluster in {DataPath}")]
    private static partial void LogCreatingCluster(ILogger logger, string dataPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded PostgreSQL did not start on port {Port} (attempt {Attempt}); trying another port")]
    private static partial void LogPortRetry(ILogger logger, int port, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded PostgreSQL listening on 127.0.0.1:{Port} ({DataPath})")]
    private static partial void LogClusterListening(ILogger logger, int port, string dataPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Setting passwords and password authentication on the embedded PostgreSQL cluster in {DataPath}")]
    private static partial void LogSettingPasswords(ILogger logger, string dataPath);
}
