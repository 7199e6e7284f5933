using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Helpdesk;

/// <summary>
/// The helpdesk's mails are recorded with their question or answer and sent from a queue: while the mail server is down
/// they wait and are tried again, across a restart of the host too, and each arrives once when the server is back.
/// </summary>
public sealed class HelpdeskMailOutageTests : IAsyncLifetime
{
    private const string Asker = "vrager@example.org";
    private readonly ContentFolder _folder = ContentFolder.WithFixture();
    private readonly List<TestSmtpServer> _servers = [];
    private readonly int _port = FreePort();

    public Task InitializeAsync()
    {
        _folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
            await server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Mails_wait_out_an_smtp_outage_and_a_restart_of_the_host_and_each_arrives_once()
    {
        string connectionString;
        List<string> firstRecipients;
        await using (var first = App(null))
        {
            connectionString = first.ConnectionString;
            var staff = await first.ClientFor(["clb-medewerker"], email: Asker);
            var editor = await first.ClientFor(["redacteur"]);
            var asked = await staff.PostAsJsonAsync(
                "/api/helpdesk/questions", new { text = "Wie vraagt leersteun aan?", theme = "decreet-leersteun" });
            var id = (await HelpdeskHost.Json(asked)).GetProperty("id").GetInt64();
            await Answer(editor, id, "De school.");
            // The server is down: both mails are tried and wait for another try.
            await WaitAsync(first.ConnectionString, "SELECT count(*) FROM helpdesk_mails WHERE status = 'pending' AND attempts >= 2", 2);

            var server = await StartServerAsync();
            await Eventually.TrueAsync(() => server.MessageCount >= 2, "the mails did not arrive after the outage", 60);
            // Stopping the server deletes what it received.
            firstRecipients = [.. server.Messages.SelectMany(m => m.Recipients).Order()];
            await server.DisposeAsync();

            // Down again: a correction waits, and the host stops.
            await Answer(editor, id, "De school, met een verslag van het CLB.");
            await WaitAsync(first.ConnectionString, "SELECT count(*) FROM helpdesk_mails WHERE status = 'pending' AND attempts >= 2", 1);
        }
        var back = await StartServerAsync();
        await using var second = App(connectionString);
        // Made on first use: started by asking for its services.
        _ = second.Services;
        await Eventually.TrueAsync(() => back.MessageCount >= 1, "the correction did not arrive after the restart", 60);
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal([HelpdeskHost.Contact, Asker], firstRecipients);
        Assert.Contains("met een verslag van het CLB", Assert.Single(back.MessagesTo(Asker)).Parse().TextBody, StringComparison.Ordinal);
        Assert.Equal(1, back.MessageCount);
        Assert.Equal(3, await TestPostgres.ScalarAsync(connectionString, "SELECT count(*) FROM helpdesk_mails WHERE status = 'sent'"));
    }

    private PocMaterialsApp App(string? connectionString)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:TimeoutSeconds"] = "5",
            ["Helpdesk:MailRetrySeconds"] = "1",
        };
        if (connectionString is not null)
            settings["Postgres:ConnectionString"] = connectionString;
        return new PocMaterialsApp(_folder, settings: settings);
    }

    private async Task<TestSmtpServer> StartServerAsync()
    {
        var server = await TestSmtpServer.StartAsync(port: _port);
        _servers.Add(server);
        return server;
    }

    private static async Task Answer(HttpClient editor, long id, string text) =>
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsJsonAsync($"/api/helpdesk/questions/{id}/answer", new { text })).StatusCode);

    private static Task WaitAsync(string connectionString, string sql, long count) =>
        Eventually.TrueAsync(async () => await TestPostgres.ScalarAsync(connectionString, sql) >= count, $"not {count}: {sql}", 60);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
