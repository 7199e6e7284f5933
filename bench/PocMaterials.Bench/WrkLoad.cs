using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace PocMaterials.Bench;

/// <summary>
/// HTTP load from wrk, a separate process on loopback, so the load generator does not share the
/// server's runtime. Requests rotate over the query mix, each with its viewer's bearer token.
/// </summary>
internal static partial class WrkLoad
{
    public static bool Available => File.Exists("/usr/bin/wrk");

    public static string Run(string baseAddress, IReadOnlyList<(string PathAndQuery, string Token)> requests, int seconds, int connections)
    {
        var script = Path.Combine(Path.GetTempPath(), $"pocmaterials-wrk-{Guid.NewGuid():N}.lua");
        var lua = new StringBuilder("local requests = {\n");
        foreach (var (path, token) in requests)
            lua.Append($"  {{ \"{path}\", \"Bearer {token}\" }},\n");
        lua.Append("""
            }
            local i = 0
            request = function()
              i = i % #requests + 1
              return wrk.format("GET", requests[i][1], { ["Authorization"] = requests[i][2] })
            end
            """);
        File.WriteAllText(script, lua.ToString());
        try
        {
            using var wrk = Process.Start(new ProcessStartInfo(
                "/usr/bin/wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, baseAddress])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = wrk.StandardOutput.ReadToEnd();
            wrk.WaitForExit();
            var rate = RequestsPerSecond().Match(output).Groups[1].Value;
            var percentiles = string.Join(", ", Percentile().Matches(output).Select(m => $"p{m.Groups[1].Value} {m.Groups[2].Value}"));
            var errors = NonSuccess().Match(output) is { Success: true } m ? m.Groups[1].Value : "0";
            return $"{rate} requests/s from wrk ({connections} connections, {seconds} s), {errors} non-2xx; {percentiles}";
        }
        finally
        {
            File.Delete(script);
        }
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|90|99)%\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
