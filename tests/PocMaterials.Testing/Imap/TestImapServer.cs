using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;

namespace PocMaterials.Testing.Imap;

/// <summary>
/// A real IMAP server for tests: Debian's dovecot (dovecot-imapd, which <c>./poc</c> installs) with a private
/// configuration in a folder of its own, one user and password, plain IMAP on a free loopback port, Maildir storage.
/// Start one per test class; disposing stops it and deletes its mail.
/// </summary>
public sealed class TestImapServer : IAsyncDisposable
{
    public const string UserName = "bounces";
    public const string Password = "geheim-voor-tests";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly string _folder;

    private TestImapServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    public static async Task<TestImapServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pocmaterials-tests", "imap-" + Guid.NewGuid().ToString("N"));
        var home = Path.Combine(folder, "home");
        Directory.CreateDirectory(home);
        // The mail user is dovecot's own when the tests run as root (dovecot refuses uid 0 for mail); its home must be
        // reachable and writable for it.
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("dovecot runs on Linux.");
        foreach (var path in new[] { Path.GetDirectoryName(folder)!, folder })
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        var port = FreePort();
        var (uid, gid) = MailUser();
        await File.WriteAllTextAsync(Path.Combine(folder, "users"), $"{UserName}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), Configuration(folder, port, uid, gid));
        var process = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot")
        {
            ArgumentList = { "-F", "-c", Path.Combine(folder, "dovecot.conf") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var server = new TestImapServer(process, folder, port);
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout && !process.HasExited)
        {
            try
            {
                using var client = await server.ConnectAsync();
                return server;
            }
            catch (Exception e) when (e is SocketException or IOException or MailKit.Security.AuthenticationException)
            {
                await Task.Delay(50);
            }
        }
        var log = Path.Combine(folder, "dovecot.log");
        var reason = File.Exists(log) ? await File.ReadAllTextAsync(log) : await process.StandardError.ReadToEndAsync();
        await server.DisposeAsync();
        throw new InvalidOperationException("The test IMAP server (dovecot) did not start:\n" + reason);
    }

    /// <summary>A signed-in client for the test's own reading and writing of the mailbox.</summary>
    public async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(Host, Port, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(UserName, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Delivers messages into a folder, as the mail server delivers bounces into the mailbox.</summary>
    public async Task DeliverAsync(params MimeMessage[] messages)
    {
        using var client = await ConnectAsync();
        foreach (var message in messages)
            await client.Inbox.AppendAsync(message);
        await client.DisconnectAsync(true);
    }

    /// <summary>The Message-IDs in a folder (none when it does not exist).</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(string folderName)
    {
        using var client = await ConnectAsync();
        IMailFolder folder;
        try
        {
            folder = await client.GetFolderAsync(folderName);
        }
        catch (FolderNotFoundException)
        {
            return [];
        }
        await folder.OpenAsync(FolderAccess.ReadOnly);
        var ids = new List<string>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.All))
            ids.Add((await folder.GetHeadersAsync(uid))["Message-ID"]?.Trim('<', '>', ' ') ?? "");
        await client.DisconnectAsync(true);
        return ids;
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A last dovecot child may still hold a file; the temporary folder is left behind.
        }
        return ValueTask.CompletedTask;
    }

    private static string Configuration(string folder, int port, int uid, int gid)
    {
        var root = Environment.UserName == "root";
        return $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            {{(root ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}")}}
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            first_valid_uid = 1
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{folder}}/users
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{folder}}/home/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            """;
    }

    /// <summary>dovecot's own user when running as root, else the current user: (uid, gid) from the passwd file.</summary>
    private static (int Uid, int Gid) MailUser()
    {
        var name = Environment.UserName == "root" ? "dovecot" : Environment.UserName;
        var entry = File.ReadLines("/etc/passwd").Select(line => line.Split(':')).First(fields => fields[0] == name);
        return (int.Parse(entry[2]), int.Parse(entry[3]));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
