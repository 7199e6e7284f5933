namespace PocMaterials.Publishing.Files;

/// <summary>
/// Names Windows reserves for devices, whatever the extension: the content folder may be checked out there, where
/// a file <c>con.md</c> or <c>nul.pdf</c> cannot exist. Slugs, theme ids and attachment names all refuse them.
/// </summary>
public static class DeviceNames
{
    private static readonly HashSet<string> Reserved = new(
        ["con", "prn", "aux", "nul", .. Enumerable.Range(0, 10).SelectMany(i => new[] { $"com{i}", $"lpt{i}" })], StringComparer.Ordinal);

    /// <param name="stem">A file name without its extension, in lower case.</param>
    public static bool IsReserved(string stem) => Reserved.Contains(stem);
}
