using Npgsql;
using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;
using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing.Materials;

/// <summary>The old slugs of renamed materials, so links in mails, bookmarks and other systems keep working.</summary>
public sealed class MaterialRedirects(Database database)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(MaterialRedirects));

    /// <summary>The slug a renamed material has now, or null when <paramref name="slug"/> was never renamed.</summary>
    public async Task<string?> TargetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = Sql["Target"].Command(database.DataSource, slug);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>A new material under an old slug is that material: the redirect goes.</summary>
    public async Task ForgetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = Sql["Forget"].Command(database.DataSource, slug);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Adds old → new in the rename's transaction; earlier redirects to the old slug now lead to the new one (no chains).
    /// </summary>
    internal static async Task AddAsync(DocumentHistory history, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(history.Connection, history.Transaction)
        {
            BatchCommands =
            {
                Sql["Repoint"].BatchCommand(oldSlug, newSlug),
                Sql["Forget"].BatchCommand(newSlug),
                Sql["Add"].BatchCommand(oldSlug, newSlug),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
