using System.Collections.Frozen;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace PocMaterials.Persistence.Queries;

/// <summary>
/// The named SQL statements of one class, read from the <c>.sql</c> file beside it (<c>Store.cs</c> and <c>Store.sql</c>),
/// embedded as <c>queries/Store.sql</c>. As listmonk keeps its <c>queries.sql</c>: each statement follows a
/// <c>-- name: Name</c> line and takes its parameters as <c>$1</c>, <c>$2</c>, ... SQL lives in SQL files, where it can be
/// read, diffed and checked for the tables it touches, and C# names what it runs.
/// </summary>
public sealed partial class SqlQueries
{
    /// <summary>Where the queries of a project are embedded: <c>queries/</c> and the file's name.</summary>
    public const string ResourcePrefix = "queries/";

    private readonly FrozenDictionary<string, SqlQuery> _queries;

    private SqlQueries(string file, IEnumerable<SqlQuery> queries)
    {
        File = file;
        _queries = queries.ToFrozenDictionary(q => q.Name, StringComparer.Ordinal);
    }

    /// <summary>The file the queries come from, as <c>Project/queries/Store.sql</c>.</summary>
    public string File { get; }

    public IEnumerable<SqlQuery> All => _queries.Values;

    /// <summary>The statement named <paramref name="name"/>; a name the file does not have is a programming error, said at once.</summary>
    public SqlQuery this[string name] => _queries.TryGetValue(name, out var query)
        ? query
        : throw new KeyNotFoundException($"{File} has no query named '{name}'.");

    /// <summary>The queries of <paramref name="owner"/>: the file named after it in its assembly.</summary>
    public static SqlQueries For(Type owner) => Load(owner.Assembly, owner.Name + ".sql");

    /// <summary>Every query file embedded in <paramref name="assembly"/>.</summary>
    public static IEnumerable<SqlQueries> In(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n[ResourcePrefix.Length..]));

    private static SqlQueries Load(Assembly assembly, string fileName)
    {
        var file = $"{assembly.GetName().Name}/{ResourcePrefix}{fileName}";
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"{file} is not embedded: is the .sql file beside its class?");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(file, reader.ReadToEnd());
    }

    /// <param name="file">The file's name, for messages.</param>
    internal static SqlQueries Parse(string file, string text)
    {
        var queries = new List<SqlQuery>();
        var names = NameLine().Matches(text);
        if (names.Count == 0)
            throw new InvalidOperationException($"{file} names no query: each statement follows a '-- name: Name' line.");
        if (!text[..names[0].Index].Split('\n').All(IsCommentOrBlank))
            throw new InvalidOperationException($"{file} has SQL before its first '-- name:' line.");
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Groups["name"].Value;
            var end = i + 1 < names.Count ? names[i + 1].Index : text.Length;
            var sql = text[(names[i].Index + names[i].Length)..end].Trim();
            if (sql.Length == 0)
                throw new InvalidOperationException($"{file}: query '{name}' is empty.");
            if (queries.Any(q => q.Name == name))
                throw new InvalidOperationException($"{file} names query '{name}' twice.");
            queries.Add(new SqlQuery(name, sql, file));
        }
        return new SqlQueries(file, queries);
    }

    private static bool IsCommentOrBlank(string line) =>
        line.TrimStart().StartsWith("--", StringComparison.Ordinal) || line.Trim().Length == 0;

    [GeneratedRegex(@"^--\s*name:\s*(?<name>[A-Za-z][A-Za-z0-9]*)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex NameLine();
}
