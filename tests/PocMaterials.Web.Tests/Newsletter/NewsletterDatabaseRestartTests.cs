using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The embedded PostgreSQL killed (SIGKILL of its postmaster) while an issue is sent, as the product runs by
/// default: the supervisor brings the cluster back, the send waits for it and goes on, and counted at the SMTP
/// server every subscriber gets exactly one mail once an editor has sent the uncertain ones again.
/// </summary>
public sealed class NewsletterDatabaseRestartTests : HostFixture
{
    private const int Recipients = 800;
    private TestSmtpServer _smtp = null!;

    // No connection string: the server starts its own cluster in the data folder, and supervises it.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Postgres:ConnectionString"] = "",
        ["Smtp:Host"] = _smtp.Host,
        ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:Workers"] = "4",
    };

    protected override async Task PrepareAsync()
    {
        Folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        _smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(10) });
    }

    protected override async Task StartedAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().GetAsync("/health")).StatusCode);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_send_whose_database_is_killed_mid_run_goes_on_when_it_is_back_and_sends_each_subscriber_one_mail()
    {
        var cluster = App.Services.GetRequiredService<Database>().EmbeddedCluster!;
        var editor = await App.ClientFor(["redacteur"]);
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand($$"""
                INSERT INTO newsletter_subscribers (email, email_key, name, roles)
                SELECT 'lezer-' || i || '@example.org', 'lezer-' || i || '@example.org', 'Lezer ' || i, '{clb-medewerker}'
                FROM generate_series(1, {{Recipients}}) AS i
                """, connection);
            await insert.ExecuteNonQueryAsync();
        }
        var composed = await (await editor.PostAsync("/api/newsletter/issues?month=2026-12", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = composed.GetProperty("issue").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);

        await Eventually.TrueAsync(() => _smtp.MessageCount >= 150, "the first mails did not arrive");
        using (var postmaster = Process.GetProcessById(cluster.ServerProcessId()!.Value))
            postmaster.Kill();
        Assert.InRange(_smtp.MessageCount, 150, Recipients - 1);

        await Eventually.TrueAsync(
            async () => await StatusAsync(cluster, id) == "sent", "the send did not go on after the database came back");
        var uncertain = (await editor.GetFromJsonAsync<JsonElement>($"/api/newsletter/issues/{id}/deliveries?status=uncertain"))
            .GetProperty("deliveries");
        // Each of the four workers had at most two mails claimed and not recorded when the database went: claims and
        // answers are committed to disk together, so none of those recorded before the kill comes back claimed.
        Assert.InRange(uncertain.GetArrayLength(), 0, 2 * 4);
        await UncertainMails.ResendUnreceivedAsync(editor, id, uncertain, _smtp);
        UncertainMails.AssertEachReceivedOnce(_smtp, Recipients);
        Assert.DoesNotContain(App.Logs.Entries, e => e.Message.Contains("stopped:", StringComparison.Ordinal));
    }

    /// <summary>The status, or null while the database does not answer.</summary>
    private static async Task<string?> StatusAsync(EmbeddedPostgresCluster cluster, long id)
    {
        try
        {
            await using var connection = new NpgsqlConnection(cluster.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT status FROM newsletter_issues WHERE id = $1", connection)
            {
                Parameters = { new() { Value = id } },
            };
            return (string?)await command.ExecuteScalarAsync();
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return null;
        }
    }
}
