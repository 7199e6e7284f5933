using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Webhooks;
using PocMaterials.Testing;

namespace PocMaterials.Publishing.Tests.Webhooks;

/// <summary>A migrated database of its own, a content folder, and one receiver configured for every staff member.</summary>
public sealed class WebhookDatabase : IAsyncLifetime
{
    public Database Database { get; } = new(TestSchema.All);
    public ContentFolder Content { get; } = ContentFolder.WithFixture();
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
    public WebhookSecretProtector Secrets { get; } = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public WebhookStore Store => new(Database, Secrets);

    public async Task InitializeAsync() => await Database.StartAsync(
        new PostgresOptions { ConnectionString = await TestPostgres.CreateDatabaseAsync() },
        Content.DataPath,
        NullLogger.Instance,
        CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Content.Dispose();
    }

    /// <summary>The recorder of one host, with the test's clock.</summary>
    public MaterialEventRecorder Recorder(ILogger<MaterialEventRecorder>? logger = null) => new(
        Database,
        new StaffCalendar(Clock),
        Clock,
        "https://materialen.example.org",
        logger ?? NullLogger<MaterialEventRecorder>.Instance);

    /// <summary>A host's view of the content folder, loaded.</summary>
    public ContentLibrary Library()
    {
        var library = new ContentLibrary(Content.Location);
        library.Reload();
        return library;
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every delivery recorded so far, oldest first, as "type slug".</summary>
    public async Task<List<string>> DeliveriesAsync()
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT event_type || ' ' || coalesce(slug, '') FROM webhook_deliveries ORDER BY id");
        var deliveries = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            deliveries.Add(reader.GetString(0));
        return deliveries;
    }
}
