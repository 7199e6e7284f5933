using PocMaterials.Persistence;

namespace PocMaterials.Reach.Reports;

/// <summary>Views per material over a period, from the daily figures (kept forever): what the newsletter reads of reach.</summary>
public sealed class MaterialPopularity(Database database)
{
    /// <returns>Counted views by material slug, most viewed first.</returns>
    public async Task<IReadOnlyList<(string Slug, long Views)>> ViewsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("""
            SELECT key, sum(views)::bigint AS views FROM daily_reach
            WHERE dimension = 'material' AND day BETWEEN $1 AND $2
            GROUP BY key ORDER BY views DESC, key
            """);
        command.Parameters.Add(new() { Value = from });
        command.Parameters.Add(new() { Value = to });
        var views = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            views.Add((reader.GetString(0), reader.GetInt64(1)));
        return views;
    }
}
