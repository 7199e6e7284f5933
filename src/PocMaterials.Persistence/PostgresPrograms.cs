using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PocMaterials.Persistence;

/// <summary>
/// Runs the machine's PostgreSQL programs (initdb, pg_ctl) on a cluster's folder. As root, PostgreSQL refuses to run,
/// so they run as the <c>postgres</c> user on a folder that user owns.
/// </summary>
/// <param name="binaries">The folder of the programs.</param>
internal sealed class PostgresPrograms(string binaries)
{
    private readonly bool _asPostgresUser = Environment.UserName == "root";

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
            "No PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql: " +
            "install the 'postgresql' package or set Postgres:ConnectionString.");
    }

    /// <summary>A loopback port free now: the server may yet lose it to another process, and is then started on another.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the cluster's server with <paramref name="options"/> and waits until it accepts connections.</summary>
    /// <returns>Whether it started.</returns>
    public async Task<bool> StartServerAsync(string dataPath, string options, bool allowFailure, CancellationToken cancellationToken)
    {
        string[] arguments = ["start", "-D", dataPath, "-w", "-t", "60", "-l", Path.Combine(dataPath, "server.log"), "-o", options];
        return await RunAsync("pg_ctl", arguments, allowFailure, cancellationToken) == 0;
    }

    /// <summary>Stops the cluster's server (fast: open transactions are rolled back) and waits until it has.</summary>
    public Task<int> StopServerAsync(string dataPath, bool allowFailure, CancellationToken cancellationToken) =>
        RunAsync("pg_ctl", ["stop", "-D", dataPath, "-m", "fast", "-w", "-t", "60"], allowFailure, cancellationToken);

    /// <summary>Creates the cluster's folder, owned by the user the programs run as and open to that user only.</summary>
    public async Task PrepareFolderAsync(string dataPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataPath);
        if (!_asPostgresUser)
            return;
        await RunProcessAsync("chown", ["-R", "postgres:postgres", dataPath], allowFailure: false, cancellationToken);
        await RunProcessAsync("chmod", ["700", dataPath], allowFailure: false, cancellationToken);
        if (await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-w", dataPath], allowFailure: true, cancellationToken) != 0)
        {
            throw new InvalidOperationException(
                $"The postgres user cannot reach {dataPath}: a parent folder is not searchable by others. " +
                "Set Data:DataPath to a folder outside a private home directory, or Postgres:ConnectionString.");
        }
    }

    /// <returns>The program's exit code.</returns>
    /// <exception cref="InvalidOperationException">It failed, unless <paramref name="allowFailure"/>.</exception>
    public Task<int> RunAsync(string program, string[] arguments, bool allowFailure, CancellationToken cancellationToken)
    {
        var path = Path.Combine(binaries, program);
        return _asPostgresUser
            ? RunProcessAsync("runuser", ["-u", "postgres", "--", path, .. arguments], allowFailure, cancellationToken)
            : RunProcessAsync(path, arguments, allowFailure, cancellationToken);
    }

    private static async Task<int> RunProcessAsync(string file, string[] arguments, bool allowFailure, CancellationToken cancellationToken)
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
                $"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: " +
                $"{(await error).Trim()} {(await output).Trim()}");
        }
        return process.ExitCode;
    }
}
