using System.Reflection;

namespace PocMaterials.Persistence;

/// <summary>One numbered migration file (NNNN_name.sql) and the project that owns it.</summary>
public sealed record Migration(int Version, string Name, string Owner, string Sql);

/// <summary>
/// The tables of PocMaterials. Each feature owns its tables: its migration files live in its own project
/// (<c>Migrations/NNNN_name.sql</c>, embedded as <c>migrations/...</c>). They are numbered across the features, so
/// that one migrator applies them in one order and a database records which it has seen by number alone.
/// </summary>
public sealed class DatabaseSchema
{
    private const string ResourcePrefix = "migrations/";

    private DatabaseSchema(IReadOnlyList<Assembly> owners, IReadOnlyList<Migration> migrations)
    {
        Owners = owners;
        Migrations = migrations;
    }

    /// <summary>The assemblies of the projects that own tables: their migrations, and their queries' files.</summary>
    public IReadOnlyList<Assembly> Owners { get; }

    /// <summary>In the order they are applied.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <param name="owners">The assemblies of the projects that own tables.</param>
    public static DatabaseSchema Of(params Assembly[] owners)
    {
        Assembly[] distinct = [.. owners.Distinct()];
        var migrations = distinct.SelectMany(Load).ToList();
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Migrations {string.Join(" and ", duplicate.Select(m => $"{m.Owner}/{m.Name}"))} share version {duplicate.Key}");
        }
        return new DatabaseSchema(distinct, [.. migrations.OrderBy(m => m.Version)]);
    }

    private static IEnumerable<Migration> Load(Assembly owner)
    {
        var project = owner.GetName().Name!;
        foreach (var resource in owner.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var separator = file.IndexOf('_', StringComparison.Ordinal);
            if (separator < 1 || !int.TryParse(file[..separator], out var version))
                throw new InvalidOperationException($"Migration file '{project}/Migrations/{file}' must be named NNNN_name.sql");
            using var reader = new StreamReader(owner.GetManifestResourceStream(resource)!);
            yield return new Migration(version, Path.GetFileNameWithoutExtension(file)[(separator + 1)..], project, reader.ReadToEnd());
        }
    }
}
