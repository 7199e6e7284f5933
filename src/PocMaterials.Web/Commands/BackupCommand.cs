using PocMaterials.Content.Library;
using System.Diagnostics;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Backups;
using PocMaterials.Web.Hosting;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Commands;

/// <summary>
/// <c>backup [DIR]</c>: the database (pg_dump), the content and themes folders and the data folder's keys, with
/// a manifest, into DIR (by default a new folder in <c>Backup:Path</c>). Works while the server runs (pg_dump is
/// consistent by itself); when none runs, the embedded cluster is started for it. Exit code 0 when written,
/// 1 when it failed, 2 when it cannot run.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(
        string? directory, ContentOptions content, DataOptions data, PostgresOptions postgres, BackupOptions backup,
        TextWriter output, CancellationToken cancellationToken = default)
    {
        directory = Path.GetFullPath(
            directory ?? BackupServices.NewFolder(backup.ResolvePath(data.DataPath), TimeProvider.System));
        var started = Stopwatch.StartNew();
        DataFolderLock? folder = null;
        EmbeddedPostgresCluster? cluster = null;
        try
        {
            var connectionString = postgres.ConnectionString;
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                var clusterPath = Path.Combine(Path.GetFullPath(data.DataPath), Database.ClusterFolder);
                try
                {
                    folder = DataFolderLock.Acquire(data.DataPath);
                    cluster = await EmbeddedPostgresCluster.StartAsync(
                        clusterPath, postgres.BinariesPath, cancellationToken: cancellationToken);
                    connectionString = cluster.ConnectionString();
                }
                catch (DataFolderInUseException e)
                {
                    // The server runs: its cluster is dumped where it runs.
                    connectionString = EmbeddedPostgresCluster.RunningConnectionString(clusterPath);
                    if (connectionString is null)
                    {
                        output.WriteLine(
                            $"The server (process {e.Holder}) holds {Path.GetFullPath(data.DataPath)} " +
                            "but its PostgreSQL does not run; try again when it does.");
                        return 2;
                    }
                }
            }
            var manifest = await BackupWriter.CreateAsync(
                directory,
                BackupServices.Sources(connectionString, postgres, content.Folders(), data.DataPath),
                TimeProvider.System,
                cancellationToken);
            foreach (var file in manifest.Files)
                output.WriteLine($"{Path.Combine(directory, file.Name)}: {file.Bytes} bytes, SHA-256 {file.Sha256}");
            output.WriteLine(
                $"Backup written to {directory} in {started.Elapsed.TotalSeconds:0.0} s ({manifest.Files.Sum(f => f.Bytes)} bytes).");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            output.WriteLine($"No backup: {e.Message}");
            return 1;
        }
        finally
        {
            if (cluster is not null)
                await cluster.DisposeAsync();
            folder?.Dispose();
        }
    }
}
