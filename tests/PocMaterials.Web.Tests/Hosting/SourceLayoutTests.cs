using System.Text.RegularExpressions;
using PocMaterials.Testing;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>The house rules a reader can rely on when finding their way: small files, short lines, no namespace cycle.</summary>
public sealed partial class SourceLayoutTests
{
    private const int MaxLines = 250;
    private const int MaxColumns = 140;
    private static readonly string[] SourceExtensions = [".cs", ".sql", ".js", ".css", ".html"];
    private static readonly string Root = ContentFolder.RepositoryRoot;

    [Fact]
    public void No_source_file_is_over_250_lines_or_has_a_line_over_140_columns()
    {
        var files = SourceFiles().ToList();
        var tooLong = files.Select(f => (File: f, Lines: File.ReadLines(f).Count())).Where(f => f.Lines > MaxLines)
            .Select(f => $"{Relative(f.File)}: {f.Lines} lines");
        var tooWide = files.SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxColumns)
            .Select(l => $"{Relative(l.File)}:{l.Number}: {l.Length} columns");

        Assert.NotEmpty(files);
        var found = tooLong.Concat(tooWide).ToList();
        Assert.True(found.Count == 0, $"{found.Count} places over the limits:\n" + string.Join('\n', found.Take(100)));
    }

    [Fact]
    public void No_namespace_of_the_product_depends_on_itself_through_another()
    {
        // A file depends on the namespaces it imports; a namespace on what its files import.
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var product = SourceFiles()
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) && Relative(f).StartsWith("src/", StringComparison.Ordinal));
        foreach (var file in product)
        {
            var text = File.ReadAllText(file);
            if (FileNamespace().Match(text) is not { Success: true } declared)
                continue;
            var name = declared.Groups[1].Value;
            var imported = Using().Matches(text).Select(m => m.Groups[1].Value).Where(n => n != name);
            (uses.TryGetValue(name, out var set) ? set : uses[name] = []).UnionWith(imported);
        }

        var cycles = uses.Keys.Select(n => CycleFrom(n, uses)).OfType<string>().Distinct().ToList();

        Assert.True(uses.Count > 20, "the product's namespaces were not found");
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join('\n', cycles));
    }

    /// <summary>The shortest way back to <paramref name="start"/> through what it uses, as "A -> B -> A", or null.</summary>
    private static string? CycleFrom(string start, Dictionary<string, HashSet<string>> uses)
    {
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in uses.GetValueOrDefault(current, []))
            {
                if (next == start)
                {
                    var path = new List<string> { current, start };
                    while (path[0] != start)
                        path.Insert(0, cameFrom[path[0]]);
                    return string.Join(" -> ", path);
                }
                if (cameFrom.TryAdd(next, current))
                    queue.Enqueue(next);
            }
        }
        return null;
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "bench" }
            .Select(folder => Path.Combine(Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => SourceExtensions.Contains(Path.GetExtension(f)))
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "vendor"));

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    [GeneratedRegex(@"^namespace\s+(PocMaterials[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using\s+(?:static\s+)?(PocMaterials[\w.]*)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();
}
