using PocMaterials.Persistence.Queries;

namespace PocMaterials.Persistence;

/// <summary>
/// Who a token subject is, by name: versions, approvals and the audit log record the subject (stable, and what tokens
/// carry) and are answered with the name. Names are only ever read to answer editors; reach tracking has none.
/// </summary>
public sealed class StaffNames(Database database)
{
    /// <summary>As long as a name may be: a longer claim is a mistake, not a name.</summary>
    public const int MaxLength = 200;

    private static readonly SqlQueries Sql = SqlQueries.For(typeof(StaffNames));

    /// <summary>Keeps the name a sign-in gives a subject; a later one replaces it.</summary>
    public async Task RememberAsync(string subject, string name, CancellationToken cancellationToken)
    {
        var clean = RecordedText.Clean(name).Trim();
        if (subject.Length == 0 || clean.Length == 0)
            return;
        await using var command = Sql["Remember"].Command(database.DataSource, subject, clean[..Math.Min(clean.Length, MaxLength)]);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The names of those <paramref name="subjects"/> that have one.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesOfAsync(IEnumerable<string?> subjects, CancellationToken cancellationToken)
    {
        var wanted = subjects.OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Length == 0)
            return names;
        await using var command = Sql["NamesOf"].Command(database.DataSource, (object)wanted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            names[reader.GetString(0)] = reader.GetString(1);
        return names;
    }
}
