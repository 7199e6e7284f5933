using System.Diagnostics;
using Microsoft.Extensions.Options;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Reports;

/// <summary>Why a document was not printed: no browser, or the browser failed; said to the caller as a 503.</summary>
public sealed class PrintUnavailableException(string message) : Exception(message);

/// <summary>
/// Prints a self-contained HTML document to PDF with a headless Chromium, the browser the project installs for its page
/// tests (Debian's <c>chromium</c>): one short-lived browser a print, in a folder of its own that is removed after. The
/// document is a file holding all it shows (styles and charts inline, no script, nothing fetched), so the browser needs
/// neither this server nor a session, and its print style sheet lays it out on A4.
/// </summary>
public sealed partial class ChromiumPrinter(IOptions<ReportsOptions> options, ILogger<ChromiumPrinter> logger) : IDisposable
{
    private static readonly string[] Places =
        ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    // Each browser takes a few hundred MB: a burst of requests waits for its turn rather than fill the memory.
    private readonly SemaphoreSlim _turns = new(2);

    /// <summary>The browser prints would run, or null when there is none.</summary>
    public string? Browser => options.Value.ChromiumPath is { Length: > 0 } configured
        ? File.Exists(configured) ? configured : null
        : Places.FirstOrDefault(File.Exists);

    /// <exception cref="PrintUnavailableException">No browser, or it made no PDF in time.</exception>
    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        var browser = Browser ?? throw new PrintUnavailableException(options.Value.ChromiumPath is { Length: > 0 } path
            ? $"Reports:ChromiumPath '{path}' does not exist."
            : $"No Chromium was found ({string.Join(", ", Places)}); install it or set Reports:ChromiumPath.");
        await _turns.WaitAsync(cancellationToken);
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("pocmaterials-print-");
            var document = Path.Combine(folder.FullName, "document.html");
            var pdf = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(document, html, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var errors = await RunAsync(browser, Arguments(folder.FullName, document, pdf), cancellationToken);
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                LogFailed(browser, errors[^Math.Min(errors.Length, 2000)..]);
                throw new PrintUnavailableException("The browser made no PDF; the server's log says why.");
            }
            LogPrinted(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            _turns.Release();
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A browser process still closing a file: the temporary folder is left to the system.
            }
        }
    }

    private static List<string> Arguments(string folder, string document, string pdf)
    {
        List<string> arguments =
        [
            "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(folder, "profile"),
            "--print-to-pdf=" + pdf, new Uri(document).AbsoluteUri,
        ];
        // Chromium refuses to start as root with its sandbox; the document is our own, without script or address to fetch.
        if (Environment.IsPrivilegedProcess)
            arguments.Insert(0, "--no-sandbox");
        return arguments;
    }

    /// <summary>Runs the browser to its end (stopped with its children after the time allowed); answers what it wrote to stderr.</summary>
    private async Task<string> RunAsync(string browser, List<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(browser) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new PrintUnavailableException($"{browser} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var time = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        time.CancelAfter(TimeSpan.FromSeconds(options.Value.PdfSeconds));
        try
        {
            await process.WaitForExitAsync(time.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PrintUnavailableException($"The browser did not finish the PDF within {options.Value.PdfSeconds} s.");
        }
        await output;
        return await errors;
    }

    public void Dispose() => _turns.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Printed a PDF in {Milliseconds:F0} ms")]
    private partial void LogPrinted(double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Browser} made no PDF; it said: {Errors}")]
    private partial void LogFailed(string browser, string errors);
}
