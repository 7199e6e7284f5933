using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Newsletter;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Publishing.Versions;
using PocMaterials.Reach.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests;

/// <summary>A fixture content folder, its library and a migrated database of its own, with the publishing services on them.</summary>
public sealed class PublishingDatabase : IAsyncLifetime
{
    private string _connectionString = "";

    public Database Database { get; } = new(TestSchema.All);
    public ContentFolder Content { get; } = ContentFolder.WithFixture();
    public ContentLibrary Library { get; private set; } = null!;
    public ContentVersions Versions => new(Database);
    public VersionedFiles Files => new(Versions, Library);
    public MaterialRedirects Redirects => new(Database);

    /// <summary>A new set of services on the same folder and database: what a second host has.</summary>
    public MaterialFiles Materials() =>
        new(Library, Files, Versions, Redirects, [new ReachHistory(), Clicks], ContentLibrary.DefaultMaxFileBytes);

    /// <summary>The newsletter's clicks, which a rename moves too.</summary>
    public NewsletterEvents Clicks => new(Database, Options.Create(new NewsletterOptions()));

    public DefinitionFiles Definitions() => new(Library, Files, Versions, ContentLibrary.DefaultMaxFileBytes);

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync();
        await Database.StartAsync(
            new PostgresOptions { ConnectionString = _connectionString }, Content.DataPath, NullLogger.Instance, CancellationToken.None);
        Library = new ContentLibrary(Content.Location);
        Library.Reload();
    }

    public Task<long> ScalarAsync(string sql) => TestPostgres.ScalarAsync(_connectionString, sql);

    public async Task DisposeAsync()
    {
        Library.Dispose();
        await Database.DisposeAsync();
        Content.Dispose();
    }
}
