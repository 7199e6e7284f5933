using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;
using PocMaterials.Newsletter.Sending.Dkim;

namespace PocMaterials.Newsletter.Sending;

/// <summary>One sending worker's way out: one connection, reused for every message, reconnected when it drops.</summary>
public interface IMailTransport : IAsyncDisposable
{
    /// <param name="returnPath">The envelope sender bounces go to; null: the message's From.</param>
    /// <returns>What took the mail answered: the SMTP server's 250 with its text (often its queue id), or the outbox file.</returns>
    Task<string> SendAsync(MimeMessage message, MailboxAddress? returnPath, CancellationToken cancellationToken);
}

/// <summary>
/// Makes a transport per worker: SMTP when a host is configured, the outbox otherwise; each signs every mail with DKIM
/// when a signer is given, so no kind of mail leaves unsigned.
/// </summary>
public sealed class MailTransports(SmtpOptions options, string outboxPath, MailSigner? signer = null)
{
    public string OutboxPath => outboxPath;

    public MailSigner? Signer => signer;

    public IMailTransport Create()
    {
        IMailTransport transport = options.UsesOutbox ? new OutboxTransport(outboxPath) : new SmtpTransport(options);
        return signer is null ? transport : new SigningTransport(transport, signer);
    }

    private sealed class SigningTransport(IMailTransport inner, MailSigner signer) : IMailTransport
    {
        public Task<string> SendAsync(MimeMessage message, MailboxAddress? returnPath, CancellationToken cancellationToken)
        {
            // A newsletter's send signs its mails ahead, off the connection's path: not twice.
            if (!message.Headers.Contains(HeaderId.DkimSignature))
                signer.Sign(message);
            return inner.SendAsync(message, returnPath, cancellationToken);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }

    /// <summary>MailKit's client is not thread-safe: one per worker. It connects on first use and after any drop.</summary>
    private sealed class SmtpTransport(SmtpOptions options) : IMailTransport
    {
        private readonly SmtpClient _client = new() { Timeout = options.TimeoutSeconds * 1000 };

        public async Task<string> SendAsync(MimeMessage message, MailboxAddress? returnPath, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                // Without Nagle: SMTP is a dialogue of small writes, and each would wait for a delayed ACK (40 ms).
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(options.Host!, options.Port, cancellationToken);
                    await _client.ConnectAsync(socket, options.Host!, options.Port, options.Security, cancellationToken);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                if (!string.IsNullOrEmpty(options.UserName))
                    await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
                // For SIZE, MailKit writes every message once more to measure it. A newsletter mail is far below any
                // limit, and a server that finds one too large still refuses it with an answer of its own.
                _client.Capabilities &= ~SmtpCapabilities.Size;
            }
            // MailKit gives the text of the final reply, which accepts a mail with 250; any other reply is an exception.
            var sender = returnPath ?? message.From.Mailboxes.First();
            return "250 " + await _client.SendAsync(message, sender, message.To.Mailboxes, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    await _client.DisconnectAsync(quit: true);
                }
                catch (Exception e) when (e is IOException or MailKit.ProtocolException)
                {
                    // The mails are out; a QUIT that fails changes nothing.
                }
            }
            _client.Dispose();
        }
    }

    /// <summary>Writes each message as an .eml file: written aside, then renamed, so a file is whole or absent.</summary>
    private sealed class OutboxTransport(string folder) : IMailTransport
    {
        public async Task<string> SendAsync(MimeMessage message, MailboxAddress? returnPath, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(folder);
            // What a receiving server would write at delivery: the file shows where its bounces would go.
            if (returnPath is not null)
                message.Headers.Replace(HeaderId.ReturnPath, $"<{returnPath.Address}>");
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars())) + ".eml";
            var temporary = Path.Combine(folder, "." + name + ".tmp");
            // 7-bit: the file is what an SMTP server would receive, readable by any mail program.
            message.Prepare(EncodingConstraint.SevenBit);
            await using (var file = File.Create(temporary))
                await message.WriteToAsync(file, cancellationToken);
            File.Move(temporary, Path.Combine(folder, name), overwrite: true);
            return "outbox " + name;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
