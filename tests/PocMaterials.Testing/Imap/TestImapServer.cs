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

    private readonly string _folder;
    private Process _process;

    private TestImapServer(string folder, int port)
    {
        _folder = folder;
        Port = port;
        _process = null!;
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    /// <param name="idle">False: the server leaves IDLE out of its capabilities, as some servers do.</param>
    public static async Task<TestImapServer> StartAsync(bool idle = true)
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
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), Configuration(folder, port, uid, gid, idle));
        var server = new TestImapServer(folder, port);
        await server.LaunchAsync();
        return server;
    }

    /// <summary>Stops the server, as a crash or a restart does: every connection to it drops. The mail stays.</summary>
    public void Stop()
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
    }

    /// <summary>Starts a stopped server again on the same port, with the same mail.</summary>
    public Task StartAgainAsync() => LaunchAsync();

    private async Task LaunchAsync()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/sbin/dovecot")
        {
            ArgumentList = { "-F", "-c", Path.Combine(_folder, "dovecot.conf") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout && !_process.HasExited)
        {
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or MailKit.Security.AuthenticationException)
            {
                await Task.Delay(50);
            }
        }
        var log = Path.Combine(_folder, "dovecot.log");
        var reason = File.Exists(log) ? await File.ReadAllTextAsync(log) : await _process.StandardError.ReadToEndAsync();
        await DisposeAsync();
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
        Stop();
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

    private static string Configuration(string folder, int port, int uid, int gid, bool idle)
    {
        var root = Environment.UserName == "root";
        return $$"""
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            {{(root ? "" : $"default_internal_user = {Environment.UserName}\ndefault_login_user = {Environment.UserName}")}}
            protocols = imap
            {{(idle ? "" : "imap_capability = " + CapabilitiesWithoutIdle)}}
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

    // dovecot 2.3's own list after login, less IDLE (the setting replaces the list; it cannot take one out).
    private const string CapabilitiesWithoutIdle = "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY "
        + "THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE "
        + "UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS "
        + "BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE";

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
