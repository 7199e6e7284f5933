using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Faq;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Mails;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Helpdesk.Reports;
using PocMaterials.Newsletter.Security;
using PocMaterials.Persistence;
using PocMaterials.Testing;

namespace PocMaterials.Helpdesk.Tests;

/// <summary>
/// A migrated database of its own in the test run's cluster, over the fixture's content with a FAQ list on leersteun and two
/// fiches, and the helpdesk's parts on them as the host wires them.
/// </summary>
public sealed class HelpdeskDatabase : IAsyncLifetime
{
    public const string PublicBaseUrl = "https://poc.example.org";

    public const string FaqText = """
        ---
        title: FAQ decreet leersteun
        type: faq
        themes: [decreet-leersteun]   # kept as written
        ---

        Inleiding.

        ## Wie vraagt leersteun aan?
        De school.
        """;

    private ContentLibrary? _library;

    public Database Database { get; } = new(TestSchema.All);
    public ContentFolder Content { get; } = ContentFolder.WithFixture();
    public StaffCalendar Calendar { get; } = new(TimeProvider.System);
    public MailSignal Signal { get; } = new();
    public ContentLibrary Library => _library!;
    public QueuedMails Mails => new(Database, Signal);
    public WorkingHours Hours => new(Calendar, Options.Create(new HelpdeskOptions()));
    public QuestionStore Store => new(Database, Mails, Hours);
    public HelpdeskReports Reports => new(Database, Calendar, Hours);
    public FaqDrafts Drafts => new(Library);
    public SatisfactionLinks Links { get; } = new(new SignedTokens(new byte[32]),
        Options.Create(new PublicAddressOptions { PublicBaseUrl = PublicBaseUrl }));
    public HelpdeskMails Composer => new(Links, Options.Create(new PublicAddressOptions { PublicBaseUrl = PublicBaseUrl }));

    public async Task InitializeAsync()
    {
        await Database.StartAsync(new PostgresOptions { ConnectionString = await TestPostgres.CreateDatabaseAsync() }, Content.DataPath,
            NullLogger.Instance, CancellationToken.None);
        Content.Write("content/materials/faq-leersteun.md", FaqText);
        Content.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        Content.WriteMaterial("fiche-arts", "title: Fiche voor artsen\ntype: fiche\nroles: [arts]");
        _library = new ContentLibrary(Content.Location);
        _library.Reload();
    }

    public async Task DisposeAsync()
    {
        _library?.Dispose();
        Signal.Dispose();
        await Database.DisposeAsync();
        Content.Dispose();
    }

    /// <summary>Runs one statement of a test's own.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = Database.DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A question to register: a website question of a staff member of Gent, unless changed.</summary>
    public static NewQuestion Question(
        string text, DateTimeOffset at, string theme = "decreet-leersteun", string channel = Channels.Website, string? email = null,
        string? centre = "gent", string[]? roles = null, string? coreProcess = null, int? minutes = null) =>
        new(at, channel, text, theme, coreProcess, null, roles ?? ["clb-medewerker"], centre,
            channel == Channels.Website ? "viewer-key" : null, email, channel == Channels.Website ? null : "editor-subject", minutes);
}
