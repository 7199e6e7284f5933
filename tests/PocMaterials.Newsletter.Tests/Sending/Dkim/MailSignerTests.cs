using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Newsletter.Sending.Dkim;

namespace PocMaterials.Newsletter.Tests.Sending.Dkim;

/// <summary>
/// Every mail of a send arrives at a real SMTP server signed for the sender's domain, and the signature verifies
/// against the public key the DNS record publishes; a changed body or subject fails it.
/// </summary>
public sealed class MailSignerTests : IAsyncLifetime
{
    private readonly SendingSetup _send = new();
    private readonly string _keys = Directory.CreateTempSubdirectory("dkim-").FullName;

    public Task InitializeAsync() => _send.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _send.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
    }

    private MailSigner Signer() => MailSigner.For(
        new DkimOptions { Selector = "poc2026" }, new SmtpOptions { From = "POC-a-tizer <nieuws@clb.example.org>" }, _keys)!;

    [Fact]
    public async Task Every_mail_of_a_send_carries_a_signature_that_verifies_at_the_receiving_server()
    {
        var signer = Signer();
        var addresses = await _send.SubscribersAsync("dkim", 4);
        var issue = await _send.ApprovedIssueAsync(["faq-leersteun"]);

        await _send.Sender(new SmtpOptions { From = "POC-a-tizer <nieuws@clb.example.org>" }, signer: signer)
            .SendAsync(issue.Id, CancellationToken.None);

        foreach (var address in addresses)
        {
            var raw = Assert.Single(_send.Smtp.MessagesTo(address)).Raw;
            var message = Load(raw);
            var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
            Assert.Contains("d=clb.example.org", signature.Value, StringComparison.Ordinal);
            Assert.Contains("s=poc2026", signature.Value, StringComparison.Ordinal);
            Assert.Contains("c=relaxed/relaxed", signature.Value, StringComparison.Ordinal);
            Assert.Contains("list-unsubscribe", signature.Value, StringComparison.OrdinalIgnoreCase);
            Assert.True(await VerifyAsync(message, signer.Key), $"the signature of the mail to {address} does not verify");
        }
    }

    [Fact]
    public async Task A_changed_body_or_subject_fails_the_signature()
    {
        var signer = Signer();
        var address = Assert.Single(await _send.SubscribersAsync("vervalst", 1));
        await _send.Sender(new SmtpOptions { From = "nieuws@clb.example.org" }, signer: signer)
            .SendAsync((await _send.ApprovedIssueAsync(["faq-leersteun"])).Id, CancellationToken.None);
        var raw = Encoding.ASCII.GetString(Assert.Single(_send.Smtp.MessagesTo(address)).Raw);
        Assert.True(await VerifyAsync(Load(raw), signer.Key));

        var body = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var tamperedBody = raw[..body] + raw[body..].Replace("Dag ", "Beste ", StringComparison.Ordinal);
        var tamperedSubject = raw.Replace("Subject: ", "Subject: Dringend: ", StringComparison.Ordinal);

        Assert.NotEqual(raw, tamperedBody);
        Assert.False(await VerifyAsync(Load(tamperedBody), signer.Key));
        Assert.False(await VerifyAsync(Load(tamperedSubject), signer.Key));
    }

    [Fact]
    public void The_key_is_made_once_readable_by_its_owner_only_and_kept_for_later_starts()
    {
        var first = Signer().Key;
        var again = Signer().Key;

        Assert.Equal(first.PublicKey, again.PublicKey);
        Assert.Equal(Path.Combine(_keys, "dkim-clb.example.org-poc2026.key"), first.Path);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Path));
        Assert.Equal("poc2026._domainkey.clb.example.org", first.RecordName);
        Assert.StartsWith("v=DKIM1; k=rsa; p=MII", first.RecordValue, StringComparison.Ordinal);
        // Strings of at most 255 characters, as a TXT record holds them.
        Assert.All(first.ZoneFileLine().Split('"').Where((_, i) => i % 2 == 1), part => Assert.InRange(part.Length, 1, 255));
    }

    [Fact]
    public void No_signer_without_a_real_sender_or_when_switched_off_and_a_damaged_key_is_named()
    {
        Assert.Null(MailSigner.For(new DkimOptions(), new SmtpOptions(), _keys));
        Assert.Null(MailSigner.For(new DkimOptions { Enabled = false }, new SmtpOptions { From = "a@clb.example.org" }, _keys));
        Assert.Equal("ander.example.org", MailSigner.DomainOf(
            new DkimOptions { Domain = "Ander.example.org" }, new SmtpOptions { From = "a@clb.example.org" }));

        var damaged = Path.Combine(_keys, "kapot.pem");
        File.WriteAllText(damaged, "geen sleutel");
        var error = Assert.Throws<InvalidOperationException>(() => MailSigner.For(
            new DkimOptions { PrivateKeyPath = damaged }, new SmtpOptions { From = "a@clb.example.org" }, _keys));
        Assert.Contains(damaged, error.Message, StringComparison.Ordinal);
    }

    private static MimeMessage Load(byte[] raw) => MimeMessage.Load(new MemoryStream(raw));

    private static MimeMessage Load(string raw) => Load(Encoding.ASCII.GetBytes(raw));

    private static Task<bool> VerifyAsync(MimeMessage message, DkimKey key)
    {
        var index = message.Headers.IndexOf(HeaderId.DkimSignature);
        return new DkimVerifier(new PublishedKey(key.RecordValue)).VerifyAsync(message, message.Headers[index]);
    }

    /// <summary>Answers every lookup with the record as it would be published in DNS.</summary>
    private sealed class PublishedKey(string record) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(
            string methods, string domain, string selector, CancellationToken cancellationToken = default) => GetPublicKey(record);

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(
            string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetPublicKey(record));
    }
}
