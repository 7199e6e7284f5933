using System.Globalization;

namespace PocMaterials.Bench;

/// <summary>
/// CPU time of other processes the benchmark starts, read from /proc: what the SMTP server and PostgreSQL spend on a
/// mail counts as much as the product's own time when all of them share the cores.
/// </summary>
internal static class ProcessCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>A process and its children: its own time, its reaped children's and its living children's.</summary>
    public static TimeSpan OfTree(int processId)
    {
        var ticks = Fields(processId) is { } root ? root.Own + root.Children : 0;
        foreach (var child in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(child), out var id) && Fields(id) is { } fields && fields.Parent == processId)
                ticks += fields.Own;
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static (int Parent, long Own, long Children)? Fields(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // The command's name is in parentheses and may hold spaces: the fields count from after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            return ((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
    }
}
