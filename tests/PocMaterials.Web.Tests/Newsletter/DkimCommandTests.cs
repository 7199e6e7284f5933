using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;
using PocMaterials.Persistence;
using PocMaterials.Web.Commands;

namespace PocMaterials.Web.Tests.Newsletter;

/// <summary>
/// <c>dkim</c> prints the record to publish, and <c>dkim --check</c> asks a real DNS server (dnsmasq on a loopback port,
/// serving the zone the test writes) whether it publishes exactly the key the server signs with.
/// </summary>
public sealed class DkimCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("dkim-command-").FullName;
    private readonly List<Process> _servers = [];

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            if (!server.HasExited)
                server.Kill();
            server.Dispose();
        }
        Directory.Delete(_data, recursive: true);
    }

    private static SmtpOptions Smtp => new() { From = "POC-a-tizer <nieuws@clb.example.org>" };

    [Fact]
    public async Task It_prints_the_record_and_the_check_passes_only_when_dns_publishes_that_key()
    {
        var dkim = new DkimOptions { Selector = "poc2026" };
        var printed = new StringWriter();
        Assert.Equal(0, await DkimCommand.RunAsync(false, Smtp, dkim, new DataOptions { DataPath = _data }, printed));
        var key = MailSigner.For(dkim, Smtp, _data)!.Key;
        Assert.Contains(key.ZoneFileLine(), printed.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("poc2026._domainkey.clb.example.org. IN TXT (", key.ZoneFileLine(), StringComparison.Ordinal);

        dkim.NameServer = StartDns(key.RecordName, key.ZoneFileLine().Split('"').Where((_, i) => i % 2 == 1).ToArray());
        var published = new StringWriter();
        Assert.Equal(0, await DkimCommand.RunAsync(true, Smtp, dkim, new DataOptions { DataPath = _data }, published));
        Assert.Contains("publishes the key this server signs with", published.ToString(), StringComparison.Ordinal);

        dkim.NameServer = StartDns(key.RecordName, ["v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAanders"]);
        var other = new StringWriter();
        Assert.Equal(1, await DkimCommand.RunAsync(true, Smtp, dkim, new DataOptions { DataPath = _data }, other));
        Assert.Contains("publishes another key", other.ToString(), StringComparison.Ordinal);

        dkim.NameServer = StartDns("ander._domainkey.clb.example.org", ["v=DKIM1; k=rsa; p=x"]);
        var missing = new StringWriter();
        Assert.Equal(1, await DkimCommand.RunAsync(true, Smtp, dkim, new DataOptions { DataPath = _data }, missing));
        Assert.Contains("No DKIM record is published at poc2026._domainkey.clb.example.org", missing.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_sender_it_says_what_to_set()
    {
        var output = new StringWriter();
        var data = new DataOptions { DataPath = _data };
        Assert.Equal(2, await DkimCommand.RunAsync(false, new SmtpOptions(), new DkimOptions(), data, output));
        Assert.Contains("Smtp:From is not set", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>dnsmasq answering for one TXT record on a free loopback port, nothing else (no upstream, no hosts file).</summary>
    /// <remarks>
    /// The port is free for UDP when chosen; dnsmasq also listens on it for TCP, where another process may hold it (an
    /// outgoing connection's local port): then another port is tried.
    /// </remarks>
    private string StartDns(string name, string[] strings)
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
                port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
            if (TryStartDns(name, strings, port, out var failure))
                return $"127.0.0.1:{port}";
            if (attempt == 5 || !failure.Contains("Address already in use", StringComparison.Ordinal))
                throw new InvalidOperationException("dnsmasq did not start: " + failure);
        }
    }

    private bool TryStartDns(string name, string[] strings, int port, out string failure)
    {
        var start = new ProcessStartInfo("/usr/sbin/dnsmasq")
        {
            ArgumentList =
            {
                "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-daemon", "--conf-file=/dev/null", "--user=root",
                "--listen-address=127.0.0.1", "--bind-interfaces", $"--port={port}",
                // Each string of the record after the name, separated by commas; given as an argument, quotes would be kept.
                $"--txt-record={name}," + string.Join(',', strings),
            },
            RedirectStandardError = true,
        };
        var server = Process.Start(start)!;
        _servers.Add(server);
        // Ready when it holds the port: until then a query would go unanswered.
        while (true)
        {
            if (server.HasExited)
            {
                failure = server.StandardError.ReadToEnd();
                return false;
            }
            try
            {
                using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
            }
            catch (SocketException)
            {
                // It may hold the UDP port and still fail to bind TCP, and exit just after.
                if (server.WaitForExit(100))
                    continue;
                failure = "";
                return true;
            }
            Thread.Sleep(20);
        }
    }
}
