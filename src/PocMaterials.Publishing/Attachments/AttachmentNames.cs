using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PocMaterials.Publishing.Files;

namespace PocMaterials.Publishing.Attachments;

/// <summary>
/// The file names attachments may have: lower-case words joined by hyphens and one extension, so a name
/// is the same file on every system and in every checkout of the content, and never a path.
/// </summary>
public static partial class AttachmentNames
{
    public const int MaxLength = 100;

    /// <summary>
    /// Null when <paramref name="fileName"/> is a valid name, else why not (its extension is checked apart: a type, not a name).
    /// </summary>
    public static string? Problem(string fileName)
    {
        const string rule = "lower-case letters and digits in words joined by hyphens, then one extension";
        if (fileName.Length > MaxLength || !NamePattern().IsMatch(fileName))
        {
            var suggestion = Suggest(fileName);
            return $"'{fileName}' is not a file name for an attachment: {rule}, at most {MaxLength} characters"
                + (suggestion is null ? "." : $"; for example '{suggestion}'.");
        }
        if (DeviceNames.IsReserved(fileName[..fileName.IndexOf('.', StringComparison.Ordinal)]))
            return $"'{fileName}' is a device name on Windows; choose another name.";
        return null;
    }

    /// <summary>The name an editor probably meant ("Leidraad HGD é.PDF" gives "leidraad-hgd-e.pdf"), if there is one.</summary>
    private static string? Suggest(string fileName)
    {
        var decomposed = Path.GetFileName(fileName.Replace('\\', '/')).Normalize(NormalizationForm.FormD);
        var plain = new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        var dot = plain.LastIndexOf('.');
        if (dot <= 0)
            return null;
        var stem = NotAlphanumeric().Replace(plain[..dot].ToLowerInvariant(), "-").Trim('-');
        var suggestion = $"{stem}.{plain[(dot + 1)..].ToLowerInvariant()}";
        return stem.Length > 0 && suggestion.Length <= MaxLength && NamePattern().IsMatch(suggestion) ? suggestion : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+\\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
