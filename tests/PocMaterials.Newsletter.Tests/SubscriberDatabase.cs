using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Newsletter.Subscribers;
using PocMaterials.Persistence;
using PocMaterials.Testing;

namespace PocMaterials.Newsletter.Tests;

/// <summary>A migrated database of its own in the test run's cluster, with the subscriber store on it and the fixture's taxonomy.</summary>
public sealed class SubscriberDatabase : IAsyncLifetime
{
    public Database Database { get; } = new(TestSchema.All);
    public SubscriberStore Store => new(Database, TimeProvider.System);
    public SubscriberImport Import => new(Store);
    public static MaterialTaxonomy Taxonomy { get; } = LoadTaxonomy();

    public async Task InitializeAsync() =>
        await Database.StartAsync(
            new PostgresOptions { ConnectionString = await TestPostgres.CreateDatabaseAsync() },
            Path.GetTempPath(),
            NullLogger.Instance,
            CancellationToken.None);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    public Task<SubscriberImportResult> ImportAsync(string csv) =>
        Import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Taxonomy, CancellationToken.None);

    public async Task<ImportCounts> ImportValidAsync(string csv) =>
        Assert.IsType<SubscriberImportResult.Imported>(await ImportAsync(csv)).Counts;

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static MaterialTaxonomy LoadTaxonomy()
    {
        using var folder = ContentFolder.WithFixture();
        using var library = new ContentLibrary(folder.Location);
        return library.Reload().Snapshot.Taxonomy;
    }
}
