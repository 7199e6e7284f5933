using System.Text;

namespace PocMaterials.Persistence;

/// <summary>
/// Text from requests as reach events and the audit log store it. PostgreSQL refuses a NUL in text (and \u0000
/// in jsonb) and Npgsql cannot encode a lone surrogate, and either would make the database refuse a whole batch
/// of other staff's events or lose an audit entry; other control characters only garble reports and forge lines
/// in what reads them. So control characters go (whitespace ones become a space) and lone surrogates become U+FFFD.
/// </summary>
public static class RecordedText
{
    public static string Clean(string text) => NeedsCleaning(text) ? Rebuild(text) : text;

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) || (char.IsSurrogate(text[i]) && !char.IsSurrogatePair(text, i)))
                return true;
            if (char.IsSurrogate(text[i]))
                i++;
        }
        return false;
    }

    private static string Rebuild(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
                clean.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                clean.Append('\uFFFD');
            else if (!char.IsControl(c))
                clean.Append(c);
            else if (char.IsWhiteSpace(c))
                clean.Append(' ');
        }
        return clean.ToString();
    }
}
