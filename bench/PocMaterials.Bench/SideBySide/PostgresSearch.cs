using Npgsql;
using NpgsqlTypes;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Persistence.Queries;
using PocMaterials.Search.Querying;

namespace PocMaterials.Bench.SideBySide;

/// <summary>
/// PostgreSQL full-text search over the same materials as the engine, the baseline of the side-by-side: a table with
/// a generated 'dutch' tsvector and a GIN index, searched by every word or any word, restricted to the viewer's role.
/// </summary>
internal sealed class PostgresSearch(NpgsqlDataSource dataSource)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(PostgresSearch));

    /// <summary>Builds the table from nothing: COPY (the tsvectors are generated as rows arrive), then the GIN index.</summary>
    public async Task BuildAsync(ContentSnapshot content)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await Sql["DropTable"].Command(connection).ExecuteNonQueryAsync();
        await Sql["CreateTable"].Command(connection).ExecuteNonQueryAsync();
        await using (var import = await connection.BeginBinaryImportAsync(Sql["Copy"].Text))
        {
            foreach (var material in content.Materials.Values)
            {
                await import.StartRowAsync();
                await import.WriteAsync(material.Slug, NpgsqlDbType.Text);
                await import.WriteAsync(material.Title, NpgsqlDbType.Text);
                await import.WriteAsync(material.Summary ?? "", NpgsqlDbType.Text);
                await import.WriteAsync(material.BodyText, NpgsqlDbType.Text);
                await import.WriteAsync(material.Type, NpgsqlDbType.Text);
                await import.WriteAsync(material.CoreProcesses.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(material.Themes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(material.Domains.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(material.Roles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                if (material.Published is { } published)
                    await import.WriteAsync(published, NpgsqlDbType.Date);
                else
                    await import.WriteNullAsync();
            }
            await import.CompleteAsync();
        }
        await Sql["CreateIndex"].Command(connection).ExecuteNonQueryAsync();
    }

    /// <summary>Table statistics for the planner; after the build, outside its time.</summary>
    public async Task AnalyzeAsync()
    {
        await using var command = Sql["Analyze"].Command(dataSource);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The top 10 with their headline and the count of every match, read to the end as a client would.</summary>
    public async Task<long> SearchAsync(MaterialSearchRequest request, StaffMember viewer, DateOnly today, bool everyWord)
    {
        await using var command = Sql["Search"].Command(dataSource,
            request.Query ?? "", everyWord, viewer.Roles.ToArray(), viewer.IsEditor, today,
            Filter(request.Types), Filter(request.CoreProcesses), Filter(request.Themes), Filter(request.Domains));
        await using var reader = await command.ExecuteReaderAsync();
        long total = 0;
        while (await reader.ReadAsync())
        {
            total = reader.GetInt64(2);
            _ = reader.GetString(3);
        }
        return total;
    }

    private static NpgsqlParameter Filter(IReadOnlyList<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.Count == 0 ? DBNull.Value : values.ToArray() };
}
