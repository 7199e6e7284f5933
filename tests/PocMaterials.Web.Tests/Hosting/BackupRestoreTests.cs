using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;
using PocMaterials.Testing.Webhooks;
using PocMaterials.Web.Commands;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;
using PocMaterials.Persistence.Backups;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// The backup and restore commands on the embedded cluster, as the product runs by default: a data folder
/// destroyed and restored gives back every row, the same reports, working webhook secrets, and a half-sent
/// issue that resumes without mailing anyone twice; a changed backup, or a running server, is refused.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private const int Recipients = 20;
    private static readonly string[] Deferred = [.. Enumerable.Range(16, 5).Select(Address)];

    private readonly ContentFolder _folder = ContentFolder.WithFixture();
    private string BackupPath => Path.Combine(_folder.Root, "backup");

    public Task InitializeAsync()
    {
        _folder.WriteMaterial(
            "fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]", "Over leersteun.");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_destroyed_data_folder_restored_from_a_backup_has_every_row_the_same_reports_and_sends_no_mail_twice()
    {
        await using var receiver = await TestWebhookReceiver.StartAsync();
        string webhookSecret;
        long webhookId;
        Dictionary<string, string> reportsBefore;
        await using (var firstSmtp = await TestSmtpServer.StartAsync(new SmtpBehaviour { RejectTransiently = Deferred }))
        {
            await using var app = App(firstSmtp);
            var editor = await app.ClientFor(["redacteur"], name: "Lies Verhoeven");
            var staff = await app.ClientFor(["clb-medewerker"], "gent");
            var connectionString = app.Services.GetRequiredService<Database>().ConnectionString;

            // Reach: views and searches; versions: a material written through the API; audit: every editor's call.
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/materials/fiche-leersteun")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/search?q=leersteun")).StatusCode);
            // Webhooks: a receiver, its encrypted secret and a delivered event.
            var created = await (await editor.PostAsJsonAsync("/api/webhooks", new { url = receiver.Url }))
                .Content.ReadFromJsonAsync<JsonElement>();
            (webhookId, webhookSecret) = (created.GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
            var material = new StringContent(
                "---\ntitle: Fiche back-up\ntype: fiche\nthemes: [decreet-leersteun]\n---\nTekst.\n", Encoding.UTF8, "text/markdown");
            using (var put = await editor.PutAsync("/api/materials/fiche-back-up", material))
                Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
            await receiver.WaitForAsync(r => r.Any(e => e.Slug == "fiche-back-up"), "the published event");
            // Subscribers, one unsubscribed; an issue sent to all but five, whose mails the server defers.
            await TestPostgres.ExecuteAsync(connectionString, $$"""
                INSERT INTO newsletter_subscribers (email, email_key, name, roles, centre)
                SELECT 'lezer-' || i || '@example.org', 'lezer-' || i || '@example.org', 'Lezer ' || i, '{clb-medewerker}', 'gent'
                FROM generate_series(1, {{Recipients}}) AS i;
                INSERT INTO newsletter_subscribers (email, email_key, name, roles, unsubscribed_at)
                VALUES ('weg@example.org', 'weg@example.org', 'Weg', '{clb-medewerker}', now())
                """);
            var issue = await (await editor.PostAsync("/api/newsletter/issues?month=2026-12", null))
                .Content.ReadFromJsonAsync<JsonElement>();
            var issueId = issue.GetProperty("issue").GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/newsletter/issues/{issueId}/approve", null)).StatusCode);
            await Eventually.TrueAsync(
                async () => await TestPostgres.ScalarAsync(
                    connectionString, "SELECT count(*) FROM newsletter_deliveries WHERE status = 'deferred'") == Deferred.Length,
                "the deferred mails");
            Assert.Equal(
                Recipients - Deferred.Length,
                await TestPostgres.ScalarAsync(connectionString, "SELECT count(*) FROM newsletter_deliveries WHERE status = 'sent'"));
            await Eventually.TrueAsync(
                async () => await TestPostgres.ScalarAsync(connectionString, "SELECT count(*) FROM daily_reach") > 0, "the daily figures");
            reportsBefore = await ReportsAsync(editor);
        }

        var before = await TablesAsync();
        Assert.All(
            ["viewers", "searches", "material_views", "daily_reach", "newsletter_subscribers", "newsletter_issues",
                "newsletter_deliveries", "audit_log", "staff_names", "content_versions", "webhook_endpoints", "webhook_material_states",
                "webhook_deliveries", "webhook_attempts"],
            table => Assert.True(
                long.Parse(before[table].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{table} is empty"));
        var output = new StringWriter();
        Assert.True(
            await BackupCommand.RunAsync(BackupPath, Content, Data, new PostgresOptions(), new BackupOptions(), output) == 0,
            output.ToString());

        Directory.Delete(_folder.DataPath, recursive: true);
        Directory.Delete(_folder.ContentPath, recursive: true);
        Assert.True(await RestoreCommand.RunAsync(BackupPath, Content, Data, new PostgresOptions(), output) == 0, output.ToString());

        Assert.Equal(before, await TablesAsync());
        Assert.True(File.Exists(Path.Combine(_folder.ContentPath, "materials", "fiche-back-up.md")));
        await using var secondSmtp = await TestSmtpServer.StartAsync();
        await using (var app = App(secondSmtp))
        {
            var editor = await app.ClientFor(["redacteur"]);
            var connectionString = app.Services.GetRequiredService<Database>().ConnectionString;
            // The restored issue resumes at start: only the deferred mails go out, each once.
            await Eventually.TrueAsync(
                async () => await TestPostgres.ScalarAsync(
                    connectionString, "SELECT count(*) FROM newsletter_issues WHERE status = 'sent'") == 1,
                "the resumed issue");
            Assert.Equal(Deferred.Order(), secondSmtp.Messages.SelectMany(m => m.Recipients).Order());
            Assert.Equal(reportsBefore, await ReportsAsync(editor));
            // The restored key decrypts the restored secret: the receiver verifies with the secret shown at creation.
            Assert.Equal(HttpStatusCode.Accepted, (await editor.PostAsync($"/api/webhooks/{webhookId}/test", null)).StatusCode);
            var test = await receiver.WaitForAsync(r => r.Any(e => e.Type == "webhook.test"), "the test event");
            Assert.True(test.Single(e => e.Type == "webhook.test").IsSignedWith(webhookSecret));
        }
    }

    [Fact]
    public async Task A_backup_made_while_the_server_runs_is_refused_by_restore_while_it_runs_and_once_changed()
    {
        var output = new StringWriter();
        var settings = new Dictionary<string, string?> { ["Postgres:ConnectionString"] = "" };
        await using (var app = new PocMaterialsApp(_folder, settings: settings))
        {
            await app.ClientFor(["redacteur"]);
            Assert.True(
                await BackupCommand.RunAsync(BackupPath, Content, Data, new PostgresOptions(), new BackupOptions(), output) == 0,
                output.ToString());
            Assert.Equal(2, await RestoreCommand.RunAsync(BackupPath, Content, Data, new PostgresOptions(), output));
        }
        var dump = Path.Combine(BackupPath, "database.dump");
        var bytes = await File.ReadAllBytesAsync(dump);
        bytes[bytes.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(dump, bytes);

        output = new StringWriter();
        Assert.Equal(1, await RestoreCommand.RunAsync(BackupPath, Content, Data, new PostgresOptions(), output));

        Assert.Contains("database.dump: SHA-256", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_folder.Root, "content.before-restore-*"));
    }

    private ContentOptions Content => new() { ContentPath = _folder.ContentPath, ThemesPath = _folder.ThemesPath };

    private DataOptions Data => new() { DataPath = _folder.DataPath };

    private PocMaterialsApp App(TestSmtpServer smtp) => new(_folder, settings: new Dictionary<string, string?>
    {
        ["Postgres:ConnectionString"] = "",
        ["Smtp:Host"] = smtp.Host,
        ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:Workers"] = "1",
        // The test's webhook receiver listens on loopback.
        ["Webhooks:AllowedInternalHosts:0"] = "127.0.0.1",
    });

    private static string Address(int i) => $"lezer-{i}@example.org";

    private static async Task<Dictionary<string, string>> ReportsAsync(HttpClient editor)
    {
        var reports = new Dictionary<string, string>();
        var addresses = new[] { "/api/reports/views", "/api/reports/reach/centres", "/api/reports/reach/roles", "/api/reports/searches" };
        foreach (var report in addresses)
            reports[report] = await editor.GetStringAsync(report);
        return reports;
    }

    /// <summary>
    /// Every table of the product's schema: its row count and a checksum of all its rows, from the data folder's cluster.
    /// </summary>
    private async Task<Dictionary<string, string>> TablesAsync()
    {
        await using var cluster = await EmbeddedPostgresCluster.StartAsync(Path.Combine(_folder.DataPath, Database.ClusterFolder));
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        var result = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            // The names come from the catalogue; identifiers cannot be parameters.
            await using var rows = new NpgsqlCommand(
                "SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') "
                    + $"FROM public.\"{table}\" t",
                connection);
            result[table] = (string)(await rows.ExecuteScalarAsync())!;
        }
        return result;
    }
}
