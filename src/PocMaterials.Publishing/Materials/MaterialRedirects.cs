using PocMaterials.Persistence;
using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing.Materials;

/// <summary>The old slugs of renamed materials, so links in mails, bookmarks and other systems keep working.</summary>
public sealed class MaterialRedirects(Database database)
{
    /// <summary>The slug a renamed material has now, or null when <paramref name="slug"/> was never renamed.</summary>
    public async Task<string?> TargetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT new_slug FROM material_redirects WHERE old_slug = $1");
        command.Parameters.Add(new() { Value = slug });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>A new material under an old slug is that material: the redirect goes.</summary>
    public async Task ForgetAsync(string slug, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("DELETE FROM material_redirects WHERE old_slug = $1");
        command.Parameters.Add(new() { Value = slug });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds old → new in the rename's transaction; earlier redirects to the old slug now lead to the new one (no chains).</summary>
    internal static async Task AddAsync(DocumentHistory history, string oldSlug, string newSlug, CancellationToken cancellationToken)
    {
        await using var batch = new Npgsql.NpgsqlBatch(history.Connection, history.Transaction)
        {
            BatchCommands =
            {
                new("UPDATE material_redirects SET new_slug = $2 WHERE new_slug = $1") { Parameters = { new() { Value = oldSlug }, new() { Value = newSlug } } },
                new("DELETE FROM material_redirects WHERE old_slug = $1") { Parameters = { new() { Value = newSlug } } },
                new("INSERT INTO material_redirects (old_slug, new_slug) VALUES ($1, $2) ON CONFLICT (old_slug) DO UPDATE SET new_slug = excluded.new_slug, created_at = now()")
                {
                    Parameters = { new() { Value = oldSlug }, new() { Value = newSlug } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
