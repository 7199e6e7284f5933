using System.Diagnostics;
using System.Globalization;
using PocMaterials.Testing.Smtp;

namespace PocMaterials.Bench;

/// <summary>
/// What the SMTP server takes at most: the same number of messages (one received message repeated) sent by Python's
/// smtplib over as many connections as the product uses, each connection its own process, so the product is
/// measured against a client with the same parallelism rather than a single connection.
/// </summary>
internal static class NewsletterCeiling
{
    private const string Script = """
        import smtplib, sys
        host, port, path, first, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        data = open(path, 'rb').read()
        client = smtplib.SMTP(host, port)
        for i in range(first, first + count):
            client.sendmail('nieuws@clb.example.org', ['ceiling-%d@example.org' % i], data)
        client.quit()
        """;

    /// <returns>Messages a second over all connections, from the first connection's start to the last one's end.</returns>
    public static async Task<double> MeasureAsync(TestSmtpServer smtp, int count, int connections)
    {
        var sample = Path.GetTempFileName();
        await File.WriteAllBytesAsync(sample, smtp.FirstMessage!.Raw);
        try
        {
            var share = (count + connections - 1) / connections;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, connections)
                .Where(connection => connection * share < count)
                .Select(connection => SendAsync(smtp, sample, connection * share, Math.Min(share, count - connection * share))));
            return count / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            File.Delete(sample);
        }
    }

    private static async Task SendAsync(TestSmtpServer smtp, string sample, int first, int count)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList =
            {
                "-I", "-c", Script, smtp.Host, smtp.Port.ToString(CultureInfo.InvariantCulture), sample,
                first.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture),
            },
        };
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"smtplib client exited with {process.ExitCode}");
    }
}
