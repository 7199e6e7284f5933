using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using PocMaterials.Testing;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// The server process killed (SIGKILL) while it sends an issue, and started again: it resumes, and
/// counted at the SMTP server every recipient has one mail, once an editor has sent the uncertain
/// ones again; under a relay's limit per minute, the mails keep to it across the kill.
/// </summary>
public sealed class NewsletterKillTests : IAsyncLifetime
{
    private const int Recipients = 60;
    private readonly ContentFolder _folder = ContentFolder.WithFixture();
    private TestSmtpServer _smtp = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _folder.WriteMaterial("fiche-leersteun", "title: Fiche leersteun\ntype: fiche\nthemes: [decreet-leersteun]");
        _smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour { DelayPerMessage = TimeSpan.FromMilliseconds(40) });
        _connectionString = await TestPostgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_send_killed_mid_run_resumes_on_restart_and_no_recipient_gets_a_mail_twice()
    {
        using (var first = await ServerAsync("--Smtp:Workers=1"))
        {
            await SubscribeAsync(Recipients);
            await ApproveAsync(await first.EditorAsync());
            await Eventually.TrueAsync(() => _smtp.MessageCount >= 15, "the first mails did not arrive");
            first.Kill();
        }
        var before = _smtp.MessageCount;
        Assert.InRange(before, 15, Recipients - 1);

        using var second = await ServerAsync("--Smtp:Workers=1");
        var restarted = await second.EditorAsync();
        await Eventually.TrueAsync(
            async () => await ScalarAsync("SELECT count(*) FROM newsletter_issues WHERE status = 'sent'") == 1,
            "the issue was not resumed");
        var uncertain = (await restarted.GetFromJsonAsync<JsonElement>("/api/newsletter/issues/1/deliveries?status=uncertain"))
            .GetProperty("deliveries");
        // With one worker, the killed run had at most two mails claimed and not recorded (one in flight, one claimed or
        // just answered), and of those at most one had gone out.
        Assert.InRange(uncertain.GetArrayLength(), 0, 2);
        Assert.InRange(uncertain.EnumerateArray().Count(d => _smtp.MessagesTo(d.GetProperty("email").GetString()!).Count > 0), 0, 1);
        await UncertainMails.ResendUnreceivedAsync(restarted, 1, uncertain, _smtp);
        UncertainMails.AssertEachReceivedOnce(_smtp, Recipients);
    }

    [Fact]
    public async Task A_send_under_600_mails_a_minute_keeps_to_the_limit_across_a_kill_and_sends_each_mail_once()
    {
        // More than a minute's 600, so the limit, not the machine, decides how long the send takes.
        const int recipients = 700;
        const int workers = 4;
        string[] limit = [$"--Smtp:Workers={workers}", "--Smtp:MessagesPerMinute=600"];
        using (var first = await ServerAsync(limit))
        {
            await SubscribeAsync(recipients);
            await ApproveAsync(await first.EditorAsync());
            await Eventually.TrueAsync(() => _smtp.MessageCount >= 150, "the first mails did not arrive");
            first.Kill();
        }
        // Killed within the minute's first 600: the restarted server must count the killed one's mails.
        Assert.InRange(_smtp.MessageCount, 150, 599);

        using var second = await ServerAsync(limit);
        var restarted = await second.EditorAsync();
        await Eventually.TrueAsync(
            async () => await ScalarAsync("SELECT count(*) FROM newsletter_issues WHERE status = 'sent'") == 1,
            "the issue was not resumed and sent", seconds: 180);
        var uncertain = (await restarted.GetFromJsonAsync<JsonElement>("/api/newsletter/issues/1/deliveries?status=uncertain"))
            .GetProperty("deliveries");
        // The README's bound: per worker at most two mails claimed and not recorded, of which at most one went out.
        Assert.InRange(uncertain.GetArrayLength(), 0, 2 * workers);
        Assert.InRange(uncertain.EnumerateArray().Count(d => _smtp.MessagesTo(d.GetProperty("email").GetString()!).Count > 0), 0, workers);
        await UncertainMails.ResendUnreceivedAsync(restarted, 1, uncertain, _smtp);
        UncertainMails.AssertEachReceivedOnce(_smtp, recipients);

        // By the SMTP server's own clock: any 601 mails in a row span a minute or more, across the restart. The first
        // of them shows the send took the time the limit says.
        var received = _smtp.Messages.Select(m => m.Received).Order().ToList();
        for (var i = 0; i + 600 < received.Count; i++)
            Assert.True(received[i + 600] - received[i] >= TimeSpan.FromMinutes(1), $"601 mails within a minute from mail {i}");
    }

    private async Task SubscribeAsync(int recipients) => await ExecuteAsync($$"""
        INSERT INTO newsletter_subscribers (email, email_key, name, roles)
        SELECT 'lezer-' || i || '@example.org', 'lezer-' || i || '@example.org', 'Lezer ' || i, '{clb-medewerker}'
        FROM generate_series(1, {{recipients}}) AS i
        """);

    private static async Task ApproveAsync(HttpClient editor)
    {
        var issue = await (await editor.PostAsync("/api/newsletter/issues?month=2026-12", null)).Content.ReadFromJsonAsync<JsonElement>();
        var id = issue.GetProperty("issue").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync($"/api/newsletter/issues/{id}/approve", null)).StatusCode);
    }

    private async Task<ServerProcess> ServerAsync(params string[] settings) =>
        await ServerProcess.StartAsync(_folder, _connectionString, _smtp, settings);

    private Task ExecuteAsync(string sql) => TestPostgres.ExecuteAsync(_connectionString, sql);

    private Task<long> ScalarAsync(string sql) => TestPostgres.ScalarAsync(_connectionString, sql);

    /// <summary>The real server as its own process (the build the tests run against), on a free port.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly HttpClient _http;

        private ServerProcess(Process process, HttpClient http)
        {
            _process = process;
            _http = http;
        }

        /// <param name="settings">Settings beside the content, data, database and SMTP server's, as <c>--Key=value</c>.</param>
        public static async Task<ServerProcess> StartAsync(
            ContentFolder folder, string connectionString, TestSmtpServer smtp, IEnumerable<string> settings)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
                ArgumentList =
                {
                    Path.Combine(AppContext.BaseDirectory, "PocMaterials.Web.dll"), "--urls", $"http://127.0.0.1:{port}",
                    $"--Content:ContentPath={folder.ContentPath}", $"--Content:ThemesPath={folder.ThemesPath}",
                    $"--Data:DataPath={folder.DataPath}", $"--Postgres:ConnectionString={connectionString}",
                    $"--Smtp:Host={smtp.Host}", $"--Smtp:Port={smtp.Port}", "--Smtp:Security=None",
                    "--Smtp:From=POC-a-tizer <poc-a-tizer@example.org>",
                    "--Logging:LogLevel:Default=Warning",
                },
            };
            foreach (var setting in settings)
                start.ArgumentList.Add(setting);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new ServerProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
            await Eventually.TrueAsync(async () =>
            {
                Assert.False(process.HasExited, "the server exited");
                try
                {
                    return (await server._http.GetAsync("/health/live")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the server did not start");
            return server;
        }

        public async Task<HttpClient> EditorAsync()
        {
            var token = await (await _http.PostAsJsonAsync("/api/dev/token", new { roles = new[] { "redacteur" } }))
                .Content.ReadFromJsonAsync<JsonElement>();
            var client = new HttpClient { BaseAddress = _http.BaseAddress };
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no flush, nothing settled.</summary>
        public void Kill()
        {
            _process.Kill();
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
                Kill();
            _process.Dispose();
            _http.Dispose();
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
