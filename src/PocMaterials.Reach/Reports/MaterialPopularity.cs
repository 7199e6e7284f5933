using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Reach.Reports;

/// <summary>Views per material over a period, from the daily figures (kept forever): what the newsletter reads of reach.</summary>
public sealed class MaterialPopularity(Database database)
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(MaterialPopularity));

    /// <returns>Counted views by material slug, most viewed first.</returns>
    public async Task<IReadOnlyList<(string Slug, long Views)>> ViewsAsync(
        DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = Sql["Views"].Command(database.DataSource, from, to);
        var views = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            views.Add((reader.GetString(0), reader.GetInt64(1)));
        return views;
    }
}
