using System.Security.Cryptography;
using Npgsql;

namespace PocMaterials.Persistence;

/// <summary>
/// The embedded cluster's passwords and authentication: both roles' passwords, generated and kept in the cluster's
/// folder (readable by its owner only), and a pg_hba.conf that asks every connection for one.
/// </summary>
internal sealed class EmbeddedClusterPasswords(string dataPath, PostgresPrograms programs)
{
    public const string AdminPasswordFile = "pocmaterials-admin.password";
    public const string AppPasswordFile = "pocmaterials-app.password";
    private const string MaintenanceHbaFile = "maintenance_hba.conf";

    // Passwords for every connection, over the socket (in the cluster's own folder) as over loopback TCP.
    private const string HbaConfiguration = """
        # Written by PocMaterials at every start: every connection needs its role's password.
        local all all scram-sha-256
        host all all 127.0.0.1/32 scram-sha-256
        host all all ::1/128 scram-sha-256

        """;

    /// <summary>Whether the superuser has no password file yet, or the server does not yet ask for passwords.</summary>
    public async Task<bool> NeedSettingAsync(CancellationToken cancellationToken) =>
        !File.Exists(Path.Combine(dataPath, AdminPasswordFile))
        || await File.ReadAllTextAsync(Path.Combine(dataPath, "pg_hba.conf"), cancellationToken) != HbaConfiguration;

    public string Read(string file) => File.ReadAllText(Path.Combine(dataPath, file)).Trim();

    /// <summary>The application role's password: the kept one, or a new one (kept by <see cref="KeepAppPasswordAsync"/>).</summary>
    public string AppPassword() => File.Exists(Path.Combine(dataPath, AppPasswordFile)) ? Read(AppPasswordFile) : NewPassword();

    /// <summary>Keeps the application role's password, once the role has it, unless one is kept already.</summary>
    public Task KeepAppPasswordAsync(string password, CancellationToken cancellationToken) =>
        File.Exists(Path.Combine(dataPath, AppPasswordFile))
            ? Task.CompletedTask
            : WritePrivateAsync(Path.Combine(dataPath, AppPasswordFile), password, cancellationToken);

    /// <summary>
    /// Sets a new superuser password and password authentication: for a new cluster, one created with trust
    /// authentication, or one whose password file is lost. The server runs meanwhile on no TCP port, with
    /// trust only on the socket in the cluster's folder, which no one but its owner (and root) can open.
    /// </summary>
    public async Task SetAsync(string adminRole, CancellationToken cancellationToken)
    {
        var maintenanceHba = Path.Combine(dataPath, MaintenanceHbaFile);
        await WritePrivateAsync(maintenanceHba, "local all all trust\n", cancellationToken);
        await WritePrivateAsync(Path.Combine(dataPath, "pg_hba.conf"), HbaConfiguration, cancellationToken);
        await programs.PrepareFolderAsync(dataPath, cancellationToken);
        const int socketPort = 5432;
        var options = $"-p {socketPort} -c listen_addresses= -k '{dataPath}' -c hba_file='{maintenanceHba}'";
        await programs.StartServerAsync(dataPath, options, allowFailure: false, cancellationToken);
        try
        {
            var password = NewPassword();
            var socket = new NpgsqlConnectionStringBuilder
            {
                Host = dataPath, Port = socketPort, Username = adminRole, Database = "postgres", Pooling = false,
            };
            await using (var connection = new NpgsqlConnection(socket.ConnectionString))
            {
                await connection.OpenAsync(cancellationToken);
                await EmbeddedClusterAdministration.SetPasswordAsync(connection, adminRole, password, cancellationToken);
            }
            // Written once the role has it: a start interrupted before this one sets another.
            await WritePrivateAsync(Path.Combine(dataPath, AdminPasswordFile), password, cancellationToken);
        }
        finally
        {
            await programs.StopServerAsync(dataPath, allowFailure: true, CancellationToken.None);
            File.Delete(maintenanceHba);
        }
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

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
}
