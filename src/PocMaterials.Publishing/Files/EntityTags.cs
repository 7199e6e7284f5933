namespace PocMaterials.Publishing.Files;

/// <summary>If-Match as RFC 9110 (13.1.1) reads it, for every file the API writes: materials, definitions, attachments.</summary>
public static class EntityTags
{
    /// <summary>
    /// Whether an If-Match header value holds for the stored version (null: there is none): <c>*</c> matches any
    /// current file and no absent one; a list matches when one of its tags is the stored one (strong comparison,
    /// so a weak tag never does).
    /// </summary>
    public static bool IfMatchHolds(string ifMatch, string? current) =>
        current is not null
        && (ifMatch.Trim() == "*" || ifMatch.Split(',', StringSplitOptions.TrimEntries).Contains(current, StringComparer.Ordinal));
}
