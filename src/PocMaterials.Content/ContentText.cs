namespace PocMaterials.Content;

/// <summary>
/// What content text may hold. PostgreSQL refuses a NUL in text and jsonb, and Npgsql cannot encode a lone
/// surrogate: such a file could be neither versioned nor announced, so it is a content error where it starts.
/// </summary>
public static class ContentText
{
    /// <summary>The 1-based line of the first NUL in <paramref name="text"/>, or null when it has none.</summary>
    public static int? NulLine(string text)
    {
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? null : text.AsSpan(0, nul).Count('\n') + 1;
    }

    /// <summary>
    /// Why a front matter value cannot be stored and shown as it is (a control character other than tab and
    /// line feed, or half a surrogate pair), or null when it can.
    /// </summary>
    public static ContentFault? Unfit(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogatePair(value, i))
                i++;
            else if (char.IsSurrogate(c))
                return ContentFaults.LoneSurrogate(c);
            else if (char.IsControl(c) && c is not '\t' and not '\n')
                return ContentFaults.ControlCharacter(c);
        }
        return null;
    }
}
