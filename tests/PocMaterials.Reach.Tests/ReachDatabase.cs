using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence;
using PocMaterials.Reach.Tracking;
using PocMaterials.Testing;

namespace PocMaterials.Reach.Tests;

/// <summary>A migrated database of its own in the test run's cluster, with the event store and reports on it.</summary>
public sealed class ReachDatabase : IAsyncLifetime
{
    public Database Database { get; } = new(TestSchema.All);
    public ReachEventStore Store => new(Database, new StaffCalendar(TimeProvider.System));
    public Reports.ReachReports Reports => new(Database, new StaffCalendar(TimeProvider.System));
    public ContentFolder Content { get; } = ContentFolder.WithFixture();
    public ContentSnapshot Snapshot { get; private set; } = ContentSnapshot.Empty;

    public async Task InitializeAsync()
    {
        await Database.StartAsync(
            new PostgresOptions { ConnectionString = await TestPostgres.CreateDatabaseAsync() },
            Content.DataPath,
            NullLogger.Instance,
            CancellationToken.None);
        Content.WriteMaterial("faq-leersteun", "title: FAQ decreet leersteun\ntype: faq\nreview_by: 2025-01-01\nupdated: 2024-01-01");
        Content.WriteMaterial("fiche-intake", "title: Fiche intake\ntype: fiche");
        Content.WriteMaterial("leidraad-hgd", "title: Leidraad HGD\ntype: leidraad\nreview_by: 2025-03-01");
        Content.WriteMaterial("nooit-bekeken", "title: Nooit bekeken\ntype: fiche");
        using var library = new ContentLibrary(Content.Location);
        Snapshot = library.Reload().Snapshot;
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Content.Dispose();
    }

    public static Viewer Viewer(string pseudonym, string centre = "gent", params string[] roles) =>
        new(pseudonym, roles.Length == 0 ? ["clb-medewerker"] : roles, centre);

    public static MaterialViewed View(
        string slug,
        DateTimeOffset at,
        Viewer viewer,
        ViewSource source = ViewSource.Direct,
        Guid? searchId = null,
        int? position = null) =>
        new(Guid.NewGuid(), at, viewer, slug, null, source, searchId, position);

    public static SearchMade SearchEvent(string query, DateTimeOffset at, Viewer viewer, int results, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), at, viewer, query, new Dictionary<string, IReadOnlyList<string>>(), results);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
