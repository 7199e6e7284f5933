using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Newsletter.Tests.Smtp;

/// <summary>The test SMTP server's knobs, driven by MailKit's own client as the newsletter will.</summary>
public sealed class TestSmtpServerTests(TestSmtpServerTests.Server server) : IClassFixture<TestSmtpServerTests.Server>
{
    private const string Refused = "refused@example.org";
    private const string Busy = "busy@example.org";

    /// <summary>One server for the class (its tests run one at a time); tests that change its behaviour put this back.</summary>
    public sealed class Server : IAsyncLifetime
    {
        public static readonly SmtpBehaviour Default = new() { RejectPermanently = [Refused], RejectTransiently = [Busy] };

        public TestSmtpServer Smtp { get; private set; } = null!;

        public async Task InitializeAsync() => Smtp = await TestSmtpServer.StartAsync(Default);

        public async Task DisposeAsync() => await Smtp.DisposeAsync();
    }

    private TestSmtpServer Smtp => server.Smtp;

    [Fact]
    public async Task Every_accepted_message_is_kept_with_its_envelope_and_counted_per_recipient()
    {
        using var client = await ConnectAsync();
        await client.SendAsync(Mail("one", "an@example.org"));
        await client.SendAsync(Mail("two", "an@example.org", "bo@example.org"));
        await client.SendAsync(Mail("three", "bo@example.org"), MailboxAddress.Parse("bounces@example.org"),
            [MailboxAddress.Parse("bo@example.org")]);

        Assert.Equal(["one", "two"], Smtp.MessagesTo("AN@example.org").Select(m => m.Parse().Subject));
        var toBo = Smtp.MessagesTo("bo@example.org");
        Assert.Equal(["two", "three"], toBo.Select(m => m.Parse().Subject));
        Assert.Equal(["an@example.org", "bo@example.org"], toBo[0].Recipients);
        Assert.Equal("sender@example.org", toBo[0].Sender);
        Assert.Equal("bounces@example.org", toBo[1].Sender);
        Assert.Contains("Subject: three\r\n", Encoding.ASCII.GetString(toBo[1].Raw), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_permanently_refused_recipient_gets_550_and_the_connection_stays_usable()
    {
        using var client = await ConnectAsync();

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail("no", Refused)));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        Assert.Equal(550, (int)refused.StatusCode);
        Assert.Equal(Refused, refused.Mailbox?.Address);
        await client.SendAsync(Mail("yes", "after-refusal@example.org"));
        Assert.Empty(Smtp.MessagesTo(Refused));
        Assert.Single(Smtp.MessagesTo("after-refusal@example.org"));
    }

    [Fact]
    public async Task A_transiently_refused_recipient_gets_451_and_the_connection_stays_usable()
    {
        using var client = await ConnectAsync();

        var busy = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail("later", Busy)));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, busy.ErrorCode);
        Assert.Equal(451, (int)busy.StatusCode);
        await client.SendAsync(Mail("now", "after-busy@example.org"));
        Assert.Empty(Smtp.MessagesTo(Busy));
        Assert.Single(Smtp.MessagesTo("after-busy@example.org"));
    }

    [Fact]
    public async Task After_the_accepted_count_every_message_gets_421_and_the_connection_drops()
    {
        const string Recipient = "mid-run@example.org";
        await Smtp.SetBehaviourAsync(Server.Default with { AcceptMessages = 2 });
        try
        {
            using var client = await ConnectAsync();
            await client.SendAsync(Mail("1", Recipient));
            await client.SendAsync(Mail("2", Recipient));

            var failed = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(Mail("3", Recipient)));
            Assert.Equal(SmtpErrorCode.MessageNotAccepted, failed.ErrorCode);
            Assert.Equal(421, (int)failed.StatusCode);
            // Because the server hung up: a sink that keeps the connection after 421 leaves MailKit connected.
            Assert.False(client.IsConnected);

            using var again = await ConnectAsync();
            var stillFailing = await Assert.ThrowsAsync<SmtpCommandException>(() => again.SendAsync(Mail("4", Recipient)));
            Assert.Equal(421, (int)stillFailing.StatusCode);
            Assert.Equal(["1", "2"], Smtp.MessagesTo(Recipient).Select(m => m.Parse().Subject));
        }
        finally
        {
            await Smtp.SetBehaviourAsync(Server.Default);
        }

        using var recovered = await ConnectAsync();
        await recovered.SendAsync(Mail("5", Recipient));
        Assert.Equal(3, Smtp.MessagesTo(Recipient).Count);
    }

    [Fact]
    public async Task A_delayed_reply_outlasts_a_client_timeout_shorter_than_the_delay()
    {
        await Smtp.SetBehaviourAsync(Server.Default with { DelayPerMessage = TimeSpan.FromSeconds(30) });
        try
        {
            using var client = await ConnectAsync();
            client.Timeout = 300; // a hundredth of the delay: no race with a slow machine

            await Assert.ThrowsAsync<TimeoutException>(() => client.SendAsync(Mail("slow", "slow@example.org")));
        }
        finally
        {
            await Smtp.SetBehaviourAsync(Server.Default);
        }
    }

    [Fact]
    public async Task Disposing_kills_the_server_process_and_closes_its_port()
    {
        var own = await TestSmtpServer.StartAsync();
        using var process = Process.GetProcessById(own.ProcessId);

        await own.DisposeAsync();

        Assert.True(process.HasExited);
        using var socket = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(own.Host, own.Port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    private async Task<SmtpClient> ConnectAsync()
    {
        var client = new SmtpClient();
        await client.ConnectAsync(Smtp.Host, Smtp.Port, SecureSocketOptions.None);
        return client;
    }

    private static MimeMessage Mail(string subject, params string[] to)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "Hallo" } };
        message.From.Add(MailboxAddress.Parse("sender@example.org"));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        return message;
    }
}
