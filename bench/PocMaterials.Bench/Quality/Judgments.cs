namespace PocMaterials.Bench.Quality;

/// <summary>One judged query: what a staff member in a role typed, and how relevant each material is to it.</summary>
internal sealed record JudgedQuery(string Kind, string Role, string Query, IReadOnlyDictionary<string, int> Grades);

/// <summary>Reads the judged query set (judgments.tsv: kind, role, query, slug=grade ...).</summary>
internal static class Judgments
{
    public static IReadOnlyList<JudgedQuery> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select((line, i) =>
            {
                var columns = line.Split('\t');
                if (columns.Length != 4)
                    throw new FormatException($"{path}: judged query {i + 1} has {columns.Length} columns, not 4.");
                var grades = columns[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => pair.Split('='))
                    .ToDictionary(
                        pair => pair[0],
                        pair => int.Parse(pair[1], System.Globalization.CultureInfo.InvariantCulture),
                        StringComparer.Ordinal);
                return new JudgedQuery(columns[0], columns[1], columns[2], grades);
            })
            .ToList();
}
