using System.Text.RegularExpressions;
using PocMaterials.Persistence.Queries;
using PocMaterials.Testing;
using Xunit.Abstractions;

namespace PocMaterials.Persistence.Tests.Queries;

/// <summary>The SQL of the product lives in .sql files, and each table in the files of one project.</summary>
public sealed partial class SqlFilesTests(ITestOutputHelper output)
{
    private static readonly DatabaseSchema Schema = TestSchema.All;
    private static readonly string SourceRoot = Path.Combine(ContentFolder.RepositoryRoot, "src");

    [Fact]
    public void Every_table_is_named_in_the_sql_files_of_one_project_only()
    {
        var owners = Schema.Migrations
            .SelectMany(m => CreatedTable().Matches(m.Sql).Select(match => (Table: match.Groups[1].Value, m.Owner)))
            .ToDictionary(t => t.Table, t => t.Owner);
        var files = Schema.Migrations.Select(m => (Project: m.Owner, File: $"Migrations/{m.Version:D4}_{m.Name}.sql", Text: m.Sql))
            .Concat(Schema.Owners.SelectMany(SqlQueries.In).SelectMany(q => q.All.Select(query =>
                (Project: q.File.Split('/')[0], File: $"{query}", query.Text))));
        var named = files
            .SelectMany(f => NamedTable().Matches(f.Text).Select(m => (Table: m.Groups[1].Value, f.Project, f.File)))
            .Where(n => owners.ContainsKey(n.Table))
            .Distinct()
            .ToList();

        // Which project touches which table, for whoever reads the test's output.
        foreach (var table in named.GroupBy(n => n.Table).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{table.Key,-32} {string.Join(", ", table.Select(n => n.Project).Distinct())}");
        Assert.Equal(
            [
                "PocMaterials.Helpdesk", "PocMaterials.Newsletter", "PocMaterials.Persistence", "PocMaterials.Publishing",
                "PocMaterials.Reach",
            ],
            owners.Values.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("PocMaterials.Reach", owners["daily_reach"]);
        Assert.Equal("PocMaterials.Newsletter", owners["newsletter_events"]);
        Assert.Contains(named, n => n.Table == "daily_reach" && n.File.Contains("queries/", StringComparison.Ordinal));
        Assert.All(named, n => Assert.True(owners[n.Table] == n.Project,
            $"{n.File} of {n.Project} names {n.Table}, a table of {owners[n.Table]}"));
    }

    [Fact]
    public void No_csharp_source_holds_sql_text()
    {
        var found = Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => SqlInString().Matches(File.ReadAllText(path))
                .Select(m => $"{Path.GetRelativePath(SourceRoot, path)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(found.Count == 0, "SQL text outside .sql files:\n" + string.Join('\n', found));
    }

    [Fact]
    public void Every_query_file_is_used_by_its_class_and_every_query_it_asks_for_is_there()
    {
        var queryFiles = Directory.EnumerateFiles(SourceRoot, "*.sql", SearchOption.AllDirectories)
            .Where(path => !path.Contains(
                $"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var loaded = Schema.Owners.SelectMany(SqlQueries.In).ToDictionary(q => Path.GetFileName(q.File), StringComparer.Ordinal);

        Assert.NotEmpty(queryFiles);
        foreach (var path in queryFiles)
        {
            Assert.True(
                loaded.TryGetValue(Path.GetFileName(path), out var queries), $"{path} is not embedded in a project that owns tables");
            var source = File.ReadAllText(Path.ChangeExtension(path, ".cs"));
            var asked = QueryName().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            Assert.All(queries.All, q => Assert.True(asked.Contains(q.Name), $"{q} is not used by {Path.GetFileName(path)}'s class"));
            Assert.All(asked, name => Assert.True(queries.All.Any(q => q.Name == name), $"{queries.File} has no query '{name}'"));
        }
    }

    [GeneratedRegex(@"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"(?:TABLE|UPDATE|INTO|FROM|REFERENCES|ON|JOIN)\s+(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex NamedTable();

    // A string that starts with a statement: "SELECT ...", $"UPDATE x SET", or a raw string whose first line does.
    [GeneratedRegex(@"""(?:""""\s*)?\s*(?:SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
        + @"|WITH\s+\w+\s+AS|CREATE\s|ALTER\s|DROP\s|DO\s+\$)[^\n]*")]
    private static partial Regex SqlInString();

    [GeneratedRegex(@"Sql\[""(\w+)""\]")]
    private static partial Regex QueryName();
}
