using System.Text;
using DiffPlex;

namespace PocMaterials.Publishing.Versions;

/// <summary>A unified diff of two versions of a file (the format of `diff -u` and git), with three lines of context.</summary>
public static class TextDiff
{
    private const int Context = 3;

    public static string Unified(string fromName, string? from, string toName, string? to)
    {
        var diff = Differ.Instance.CreateLineDiffs(Lines(from), Lines(to), false, false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var output = new StringBuilder().Append("--- ").Append(fromName).Append('\n').Append("+++ ").Append(toName).Append('\n');
        var blocks = diff.DiffBlocks;
        for (var i = 0; i < blocks.Count;)
        {
            // A hunk joins the blocks whose contexts touch.
            var last = i;
            while (last + 1 < blocks.Count
                && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }
            var startA = Math.Max(0, blocks[i].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[i].InsertStartB - Context);
            var endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(b.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            output.Append($"@@ -{Range(startA, endA - startA)} +{Range(startB, endB - startB)} @@\n");
            var lineA = startA;
            for (var k = i; k <= last; k++)
            {
                var block = blocks[k];
                for (; lineA < block.DeleteStartA; lineA++)
                    output.Append(' ').Append(a[lineA]).Append('\n');
                for (var d = 0; d < block.DeleteCountA; d++)
                    output.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                for (var n = 0; n < block.InsertCountB; n++)
                    output.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                lineA = block.DeleteStartA + block.DeleteCountA;
            }
            for (; lineA < endA; lineA++)
                output.Append(' ').Append(a[lineA]).Append('\n');
            i = last + 1;
        }
        return output.ToString();
    }

    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A hunk range as unified diffs write it: 1-based start, and the count unless it is 1.</summary>
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start},0",
        1 => $"{start + 1}",
        _ => $"{start + 1},{count}",
    };
}
