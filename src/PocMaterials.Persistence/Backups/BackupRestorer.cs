using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;

namespace PocMaterials.Persistence.Backups;

/// <summary>Checks a backup folder against its manifest and puts its parts back.</summary>
public static class BackupRestorer
{
    /// <summary>The backup's manifest, once every file is there with its size and checksum.</summary>
    /// <exception cref="BackupRefusedException">The folder is not a complete backup, or a file differs from the manifest.</exception>
    public static async Task<BackupManifest> VerifyAsync(string directory, IEnumerable<string> folders, CancellationToken cancellationToken)
    {
        var manifest = await BackupManifest.ReadAsync(directory, cancellationToken)
            ?? throw new BackupRefusedException([$"{BackupManifest.FileName}: missing: {directory} is not a complete backup."]);
        var problems = new List<string>(await manifest.VerifyAsync(directory, cancellationToken));
        foreach (var required in folders.Select(BackupWriter.ArchiveName).Prepend(BackupWriter.KeysFile).Prepend(BackupWriter.DatabaseFile))
        {
            if (!manifest.Files.Any(f => f.Name == required))
                problems.Add($"{required}: not in the manifest.");
        }
        return problems.Count == 0 ? manifest : throw new BackupRefusedException(problems);
    }

    /// <summary>
    /// Fills the database of <paramref name="connectionString"/> from the dump; its objects belong to that connection's role.
    /// </summary>
    /// <param name="clean">Drop the dump's objects first (a database that is not empty).</param>
    public static Task RestoreDatabaseAsync(
        string directory, string connectionString, string binariesPath, bool clean, CancellationToken cancellationToken)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The connection string names no database to restore into.");
        string[] arguments = ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", "--dbname", database,
            .. clean ? ["--clean", "--if-exists"] : Array.Empty<string>(),
            Path.Combine(directory, BackupWriter.DatabaseFile)];
        return PostgresTools.RunAsync(binariesPath, "pg_restore", arguments, connectionString, cancellationToken);
    }

    /// <summary>Puts a folder back as it was backed up. What is there now is kept aside, renamed, never deleted.</summary>
    /// <returns>Where the folder that was there went, or null when there was none.</returns>
    public static async Task<string?> RestoreFolderAsync(
        string directory, string name, string path, TimeProvider time, CancellationToken cancellationToken)
    {
        path = Path.GetFullPath(path);
        var restoring = path + ".restoring";
        if (Directory.Exists(restoring))
            Directory.Delete(restoring, recursive: true);
        Directory.CreateDirectory(restoring);
        await using (var archive = new GZipStream(
            File.OpenRead(Path.Combine(directory, BackupWriter.ArchiveName(name))), CompressionMode.Decompress))
            await TarFile.ExtractToDirectoryAsync(archive, restoring, overwriteFiles: false, cancellationToken);
        string? keptAside = null;
        if (Directory.Exists(path))
        {
            keptAside = $"{path}.before-restore-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            Directory.Move(path, keptAside);
        }
        Directory.Move(restoring, path);
        return keptAside;
    }

    /// <summary>
    /// Puts the data folder's keys back, replacing the ones there: the database's secrets are encrypted and signed with them.
    /// </summary>
    public static async Task RestoreKeysAsync(string directory, string dataPath, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataPath);
        await using var archive = new GZipStream(File.OpenRead(Path.Combine(directory, BackupWriter.KeysFile)), CompressionMode.Decompress);
        await TarFile.ExtractToDirectoryAsync(archive, dataPath, overwriteFiles: true, cancellationToken);
    }
}

/// <summary>A backup that must not be restored: incomplete, or changed since it was written.</summary>
public sealed class BackupRefusedException(IReadOnlyList<string> problems)
    : InvalidOperationException("The backup is refused: " + string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems => problems;
}
