using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace PocMaterials.Testing.Smtp;

/// <summary>
/// A real SMTP server for tests: aiosmtpd (Debian's python3-aiosmtpd, which <c>./poc</c> installs) running
/// <c>smtp_sink.py</c> on a free loopback port, without TLS or authentication. It stores every accepted message
/// before replying 250, so what a client saw accepted is in <see cref="Messages"/> when its send returns.
/// Start one per test class; disposing kills it.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    // Debian's interpreter: the python3 first on PATH may be another one without aiosmtpd.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Process _process;
    private readonly string _folder;
    private int _stopped;

    private TestSmtpServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The loopback address it listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port it listens on, free when it started.</summary>
    public int Port { get; }

    /// <summary>The Python process, so tests can check it is gone after disposal.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every accepted message in the order accepted, read afresh from disk on each call.</summary>
    public IReadOnlyList<ReceivedMessage> Messages =>
        Directory.GetFiles(MessagesFolder, "*.eml").Order(StringComparer.Ordinal).Select(Read).ToList();

    /// <summary>The accepted messages whose envelope named this recipient.</summary>
    public IReadOnlyList<ReceivedMessage> MessagesTo(string address) =>
        Messages.Where(m => m.IsFor(address)).ToList();

    /// <summary>Starts a server and returns once it accepts connections.</summary>
    /// <param name="port">The port to listen on: the one of a server stopped before, to end an outage; by default a free one.</param>
    public static async Task<TestSmtpServer> StartAsync(SmtpBehaviour? behaviour = null, int port = 0)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pocmaterials-tests", "smtp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await WriteBehaviourAsync(folder, behaviour ?? new SmtpBehaviour());
        var process = StartProcess(folder, port);
        // Drained all along so a chatty sink never blocks on a full pipe; the last lines explain a failed start.
        var errors = new ConcurrentQueue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            errors.Enqueue(e.Data);
            if (errors.Count > 50)
                errors.TryDequeue(out string? _);
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            // The sink prints its port only once the socket listens.
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is not null && line.StartsWith("listening ", StringComparison.Ordinal))
                return new TestSmtpServer(process, folder, int.Parse(line["listening ".Length..]));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Too slow: reported below with whatever it wrote.
        }

        Stop(process, folder);
        throw new InvalidOperationException(
            $"The test SMTP server did not start (it exited, or was silent for {StartTimeout.TotalSeconds} s):\n"
            + string.Join('\n', errors));
    }

    /// <summary>Replaces the behaviour of the running server; commands after this returns follow it.</summary>
    public Task SetBehaviourAsync(SmtpBehaviour behaviour) => WriteBehaviourAsync(_folder, behaviour);

    /// <summary>Kills the server (and anything it started) and deletes its messages.</summary>
    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        StopOnce();
        return ValueTask.CompletedTask;
    }

    /// <summary>How many messages were accepted, without reading them (for runs of thousands).</summary>
    public int MessageCount => Directory.GetFiles(MessagesFolder, "*.eml").Length;

    /// <summary>The first accepted message, or null.</summary>
    public ReceivedMessage? FirstMessage =>
        Directory.GetFiles(MessagesFolder, "*.eml").Order(StringComparer.Ordinal).Select(Read).FirstOrDefault();

    private string MessagesFolder => Path.Combine(_folder, "messages");

    private static Process StartProcess(string folder, int port)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_sink.py");
        // -I: ignore PYTHON* variables and the user's site-packages, so only Debian's packages load.
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-I", script, folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardInput = true, // the sink exits when this pipe closes, even if we are killed
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        }
        catch (Win32Exception e)
        {
            Directory.Delete(folder, recursive: true);
            throw new InvalidOperationException($"{Python} is missing: run ./poc test, or apt-get install python3-aiosmtpd.", e);
        }
    }

    private static async Task WriteBehaviourAsync(string folder, SmtpBehaviour behaviour)
    {
        var file = Path.Combine(folder, "behaviour.json");
        var temporary = file + ".tmp";
        var json = new
        {
            behaviour.RejectPermanently,
            behaviour.RejectTransiently,
            behaviour.AcceptMessages,
            DelayMilliseconds = behaviour.DelayPerMessage.TotalMilliseconds,
        };
        await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(json, Json));
        // A rename, so the sink never reads half a file.
        File.Move(temporary, file, overwrite: true);
    }

    private static ReceivedMessage Read(string emlFile)
    {
        using var envelope = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(emlFile, ".json")));
        var root = envelope.RootElement;
        return new ReceivedMessage(
            root.GetProperty("sender").GetString()!,
            root.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).ToList(),
            File.ReadAllBytes(emlFile),
            DateTimeOffset.UnixEpoch.AddTicks((long)(root.GetProperty("received").GetDouble() * TimeSpan.TicksPerSecond)));
    }

    private void KillOnExit(object? sender, EventArgs e) => StopOnce();

    private void StopOnce()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
            Stop(_process, _folder);
    }

    private static void Stop(Process process, string folder)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean when a file is still held.
        }
    }
}
