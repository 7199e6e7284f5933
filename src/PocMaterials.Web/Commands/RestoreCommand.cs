using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Backups;
using PocMaterials.Web.Hosting;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Commands;

/// <summary>
/// <c>restore DIR</c>: puts a backup back into a stopped data folder: the database (the embedded cluster's, created
/// if the folder is new, or the configured server's), the content and themes folders (what is there is kept aside,
/// renamed) and the keys. Exit code 0 when restored; 1 when the backup fails its checksums (nothing is touched) or
/// restoring failed; 2 when it cannot run (a server holds the data folder).
/// </summary>
public static class RestoreCommand
{
    public static async Task<int> RunAsync(string directory, ContentOptions content, DataOptions data, PostgresOptions postgres,
        TextWriter output, CancellationToken cancellationToken = default)
    {
        directory = Path.GetFullPath(directory);
        var folders = content.Folders();
        BackupManifest manifest;
        try
        {
            manifest = await BackupRestorer.VerifyAsync(directory, folders.Keys, cancellationToken);
        }
        catch (BackupRefusedException e)
        {
            foreach (var problem in e.Problems)
                output.WriteLine($"{directory}: {problem}");
            output.WriteLine($"{directory}: refused; nothing was restored.");
            return 1;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            output.WriteLine($"{directory}: not a readable backup: {e.Message}");
            return 1;
        }

        DataFolderLock dataFolder;
        try
        {
            dataFolder = DataFolderLock.Acquire(data.DataPath);
        }
        catch (DataFolderInUseException e)
        {
            output.WriteLine(
                $"The server (process {e.Holder}) is running on {Path.GetFullPath(data.DataPath)}: stop it, then restore.");
            return 2;
        }
        using (dataFolder)
        {
            try
            {
                if (string.IsNullOrWhiteSpace(postgres.ConnectionString))
                {
                    await using var cluster = await EmbeddedPostgresCluster.StartAsync(
                        Path.Combine(dataFolder.Path, Database.ClusterFolder), postgres.BinariesPath, cancellationToken: cancellationToken);
                    // A database of its own, filled from the dump alone: nothing of what was there stays.
                    await cluster.DropDatabaseAsync(EmbeddedPostgresCluster.DatabaseName, cancellationToken);
                    await cluster.CreateDatabaseAsync(EmbeddedPostgresCluster.DatabaseName, cancellationToken);
                    await BackupRestorer.RestoreDatabaseAsync(
                        directory, cluster.ConnectionString(), cluster.BinariesPath, clean: false, cancellationToken);
                }
                else
                {
                    await BackupRestorer.RestoreDatabaseAsync(
                        directory,
                        postgres.ConnectionString,
                        postgres.BinariesPath ?? EmbeddedPostgresCluster.FindBinaries(),
                        clean: true,
                        cancellationToken);
                }
                output.WriteLine($"Database restored from {Path.Combine(directory, BackupWriter.DatabaseFile)}.");
                foreach (var (name, path) in folders)
                {
                    var keptAside = await BackupRestorer.RestoreFolderAsync(directory, name, path, TimeProvider.System, cancellationToken);
                    output.WriteLine(keptAside is null ? $"{path} restored." : $"{path} restored; what was there is in {keptAside}.");
                }
                await BackupRestorer.RestoreKeysAsync(directory, dataFolder.Path, cancellationToken);
                output.WriteLine(
                    $"Restored the backup of {manifest.CreatedAt:u}" +
                    $"{(manifest.GitCommit is null ? "" : $" (PocMaterials {manifest.GitCommit})")}; start the server.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                output.WriteLine($"Restore failed: {e.Message}");
                return 1;
            }
        }
    }
}
