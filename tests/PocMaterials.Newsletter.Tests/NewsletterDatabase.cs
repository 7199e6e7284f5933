using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Newsletter;
using PocMaterials.Newsletter.Composition;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Newsletter.Security;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Tracking;
using PocMaterials.Persistence;
using PocMaterials.Reach.Reports;
using PocMaterials.Testing;

namespace PocMaterials.Newsletter.Tests;

/// <summary>
/// A migrated database of its own in the test run's cluster, and content with two themes: decreet
/// leersteun (materials for everyone, for doctors, a draft and a scheduled one) and beroepsgeheim.
/// </summary>
public sealed class NewsletterDatabase : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 28);

    public Database Database { get; } = new(TestSchema.All);
    public string ConnectionString { get; private set; } = "";
    public ContentFolder Content { get; } = ContentFolder.WithFixture();
    public ContentSnapshot Snapshot { get; private set; } = ContentSnapshot.Empty;
    public IssueStore Issues => new(Database, TimeProvider.System);
    public MaterialPopularity Popularity => new(Database);
    public IssueComposer Composer => new(Issues, Popularity, TimeProvider.System);
    public SignedTokens Tokens { get; } = new(new byte[32]);
    public IOptions<NewsletterOptions> Options { get; } =
        Microsoft.Extensions.Options.Options.Create(new NewsletterOptions { PublicBaseUrl = "https://poc.example.org" });
    public NewsletterLinks Links => new(Tokens, Options);

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync();
        await Database.StartAsync(
            new PostgresOptions { ConnectionString = ConnectionString }, Content.DataPath, NullLogger.Instance, CancellationToken.None);
        Content.WriteMaterial(
            "faq-leersteun",
            "title: FAQ decreet leersteun\ntype: faq\nsummary: De vaakst gestelde vragen.\n" +
            "themes: [decreet-leersteun]\npublished: 2026-11-10",
            "## Wie vraagt leersteun aan?\nDe school.\n");
        Content.WriteMaterial(
            "fiche-verslag",
            "title: Fiche verslag & gemotiveerd verslag\ntype: fiche\nthemes: [decreet-leersteun]\n" +
            "published: 2025-01-10\nupdated: 2026-11-05");
        Content.WriteMaterial(
            "leidraad-lsc", "title: Leidraad samenwerking LSC\ntype: leidraad\nthemes: [decreet-leersteun]\npublished: 2024-05-01");
        Content.WriteMaterial(
            "medisch-leersteun",
            "title: Medische fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]\nroles: [arts]\npublished: 2026-11-12");
        Content.WriteMaterial(
            "ontwerp-leersteun",
            "title: Ontwerp leersteun\ntype: fiche\nthemes: [decreet-leersteun]\nstatus: draft\npublished: 2026-11-12");
        Content.WriteMaterial(
            "gepland-leersteun", "title: Gepland leersteun\ntype: fiche\nthemes: [decreet-leersteun]\npublished: 2027-01-05");
        Content.WriteMaterial(
            "beroepsgeheim-fiche",
            "title: Beroepsgeheim in de praktijk\ntype: fiche\nthemes: [beroepsgeheim-en-drm]\npublished: 2024-02-01");
        Content.WriteMaterial("arts-fiche", "title: Alleen voor artsen\ntype: fiche\nroles: [arts]\npublished: 2024-02-01");
        Reload();
    }

    public void Reload()
    {
        using var library = new ContentLibrary(Content.Location);
        Snapshot = library.Reload().Snapshot;
        Assert.Empty(Snapshot.Errors);
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        Content.Dispose();
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new() { Value = parameter });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
            command.Parameters.Add(new() { Value = parameter });
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counted views of a material on a day, as reach tracking's daily figures hold them.</summary>
    public Task ViewsAsync(string slug, DateOnly day, int views) =>
        ExecuteAsync(
            "INSERT INTO daily_reach (day, dimension, key, views, opens, viewers) VALUES ($1, 'material', $2, $3, $3, B'1')",
            day, slug, views);

    /// <returns>The new subscriber's id.</returns>
    public Task<long> SubscriberAsync(string email, string name, string[] roles, string? centre = "gent") =>
        ScalarAsync(
            "INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre) VALUES ($1, lower($1), $2, $3, $4) RETURNING id",
            email, name, roles, (object?)centre ?? DBNull.Value);

    /// <returns>A new subscriber <paramref name="name"/>@example.org, as a recipient of issues.</returns>
    public async Task<Recipient> RecipientAsync(string name, string[] roles, string? centre = "gent")
    {
        var email = $"{name}@example.org";
        return new Recipient(await SubscriberAsync(email, name, roles, centre), email, name, roles, centre);
    }

    /// <summary>Claims and settles mails of an issue as a send run does; a mail that is not sent was refused.</summary>
    public async Task DeliverAsync(long issueId, DeliveryStatus status, params Recipient[] recipients)
    {
        var deliveries = new DeliveryStore(Database, TimeProvider.System);
        await deliveries.RecordAsync(issueId, [], recipients, CancellationToken.None);
        var response = status == DeliveryStatus.Sent ? "250 OK" : "550 5.1.1 no such user";
        await deliveries.RecordAsync(
            issueId, [.. recipients.Select(r => new Settlement(r.SubscriberId, status, 1, response))], [], CancellationToken.None);
    }

    /// <summary>A composed issue of <paramref name="month"/> featuring decreet leersteun, not stored.</summary>
    public static NewsletterIssue Issue(DateOnly month, params string[] materials) => new()
    {
        Id = 0,
        Month = month,
        Feature = new Feature(FeatureKind.Theme, "decreet-leersteun"),
        FeatureReason = "Gepland in newsletter.yml.",
        IntroMarkdown = "Het decreet leersteun.",
        Composition = new IssueComposition(month.AddMonths(-1), materials, [], [], []),
        Status = IssueStatus.Composed,
        ComposedAt = DateTimeOffset.UtcNow,
    };
}
