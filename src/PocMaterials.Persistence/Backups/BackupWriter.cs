using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace PocMaterials.Persistence.Backups;

/// <summary>What a backup is made of.</summary>
/// <param name="ConnectionString">The database, dumped with pg_dump (consistent by itself, also while the server writes).</param>
/// <param name="BinariesPath">Where pg_dump and pg_restore are: those of the embedded cluster's PostgreSQL.</param>
/// <param name="Folders">Folders kept whole, by name: content and themes.</param>
/// <param name="DataPath">
/// The data folder, whose keys (<c>*.key</c>) are kept: without them restored webhook secrets, pseudonyms and mail links
/// would not work.
/// </param>
public sealed record BackupSources(
    string ConnectionString, string BinariesPath, IReadOnlyDictionary<string, string> Folders, string DataPath);

/// <summary>
/// Writes a backup folder: <c>database.dump</c> (pg_dump's custom format), one <c>NAME.tar.gz</c> per folder,
/// <c>keys.tar.gz</c>, and the manifest, last. The folder is readable by its owner only: it holds the keys.
/// </summary>
public static class BackupWriter
{
    public const string DatabaseFile = "database.dump";
    public const string KeysFile = "keys.tar.gz";
    public const string KeyPattern = "*.key";

    public static string ArchiveName(string folder) => folder + ".tar.gz";

    public static async Task<BackupManifest> CreateAsync(
        string directory, BackupSources sources, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new InvalidOperationException($"{directory} is not empty: a backup is written into a new or empty folder.");
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var createdAt = time.GetUtcNow();
        await PostgresTools.RunAsync(
            sources.BinariesPath,
            "pg_dump",
            ["--format=custom", "--file", Path.Combine(directory, DatabaseFile)],
            sources.ConnectionString,
            cancellationToken);
        var names = new List<string> { DatabaseFile };
        foreach (var (name, path) in sources.Folders)
        {
            await using var archive = Gzip(Path.Combine(directory, ArchiveName(name)));
            await TarFile.CreateFromDirectoryAsync(path, archive, includeBaseDirectory: false, cancellationToken);
            names.Add(ArchiveName(name));
        }
        await using (var keys = Gzip(Path.Combine(directory, KeysFile)))
        await using (var writer = new TarWriter(keys))
        {
            foreach (var key in Directory.Exists(sources.DataPath) ? Directory.GetFiles(sources.DataPath, KeyPattern) : [])
                await writer.WriteEntryAsync(key, Path.GetFileName(key), cancellationToken);
        }
        names.Add(KeysFile);

        var files = new List<BackupFile>();
        foreach (var name in names)
            files.Add(await BackupManifest.DescribeAsync(directory, name, cancellationToken));
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, createdAt, await GitCommitAsync(cancellationToken), files);
        await manifest.WriteAsync(directory, cancellationToken);
        return manifest;
    }

    private static GZipStream Gzip(string path) => new(File.Create(path), CompressionLevel.Optimal);

    /// <summary>The commit of the PocMaterials checkout the server runs from, when it runs from one.</summary>
    private static async Task<string?> GitCommitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["rev-parse", "HEAD"])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            _ = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? (await output).Trim() : null;
        }
        catch (Win32Exception)
        {
            // No git on this machine.
            return null;
        }
    }
}
