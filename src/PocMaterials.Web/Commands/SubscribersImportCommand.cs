using PocMaterials.Content.Library;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;
using PocMaterials.Web.Options;
using PocMaterials.Web.Hosting;

namespace PocMaterials.Web.Commands;

/// <summary>
/// <c>subscribers import FILE</c>: the import of the endpoint, into the server's database. Exit code 0 with the
/// counts; 1 when the file has errors (each listed, nothing imported); 2 when it cannot run (no file, or the
/// embedded database is the running server's).
/// </summary>
public static class SubscribersImportCommand
{
    public static async Task<int> RunAsync(
        string file, ContentOptions content, DataOptions data, PostgresOptions postgres, TextWriter output,
        CancellationToken cancellationToken = default)
    {
        if (!File.Exists(file))
        {
            output.WriteLine($"{file}: no such file.");
            return 2;
        }
        // The embedded cluster lives in the data folder, which one process holds at a time: while the server
        // runs, its database is reached through the server only.
        DataFolderLock? folder = null;
        if (string.IsNullOrWhiteSpace(postgres.ConnectionString))
        {
            try
            {
                folder = DataFolderLock.Acquire(data.DataPath);
            }
            catch (DataFolderInUseException e)
            {
                output.WriteLine(
                    $"The server (process {e.Holder}) is running on {Path.GetFullPath(data.DataPath)} and holds its database. " +
                    "Stop it and run this command again, or import through the running server: " +
                    "POST /api/newsletter/subscribers/import with Content-Type: text/csv and an editor's token.");
                return 2;
            }
        }
        using (folder)
        {
            await using var database = new Database(ProductSchema.All);
            await database.StartAsync(postgres, Path.GetFullPath(data.DataPath), NullLogger.Instance, cancellationToken);
            using var library = content.CreateLibrary();
            var taxonomy = library.Reload().Snapshot.Taxonomy;
            await using var csv = File.OpenRead(file);
            var result = await new SubscriberImport(new SubscriberStore(database, TimeProvider.System))
                .ImportAsync(csv, taxonomy, cancellationToken);
            switch (result)
            {
                case SubscriberImportResult.Imported { Counts: var counts }:
                    output.WriteLine($"{file}: {counts.Created} created, {counts.Updated} updated, {counts.Unchanged} unchanged, " +
                        $"{counts.SkippedUnsubscribed} skipped (unsubscribed).");
                    return 0;
                case SubscriberImportResult.Rejected rejected:
                    foreach (var error in rejected.Errors)
                        output.WriteLine($"{file}: {error}");
                    output.WriteLine($"{file}: {rejected.Summary}");
                    return 1;
                case SubscriberImportResult.TooLarge tooLarge:
                    output.WriteLine($"{file}: {tooLarge.Reason} Nothing was imported; split the file.");
                    return 1;
                default:
                    throw new InvalidOperationException($"Unknown import result {result}");
            }
        }
    }
}
