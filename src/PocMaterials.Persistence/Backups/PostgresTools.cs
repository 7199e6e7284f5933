using System.Diagnostics;
using Npgsql;

namespace PocMaterials.Persistence.Backups;

/// <summary>
/// Runs pg_dump and pg_restore of the PostgreSQL binaries the embedded cluster uses, connected through libpq's
/// environment variables: the password never appears in a command line other users could list.
/// </summary>
public static class PostgresTools
{
    public static async Task RunAsync(
        string binariesPath, string tool, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(binariesPath, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
            Environment =
            {
                ["PGHOST"] = connection.Host,
                ["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["PGUSER"] = connection.Username,
                ["PGPASSWORD"] = connection.Password,
                ["PGDATABASE"] = connection.Database,
                ["PGSSLMODE"] = connection.SslMode switch
                {
                    SslMode.Disable => "disable",
                    SslMode.Allow => "allow",
                    SslMode.Require => "require",
                    SslMode.VerifyCA => "verify-ca",
                    SslMode.VerifyFull => "verify-full",
                    _ => "prefer",
                },
            },
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--no-password");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{tool} failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }
}
