using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace PocMaterials.Search.Analysis;

/// <summary>The curated dictionary of compound parts the Dutch analyzer splits words on.</summary>
public static class CompoundParts
{
    public static CharArraySet Load()
    {
        using var stream = typeof(CompoundParts).Assembly.GetManifestResourceStream("dutch-compound-parts.txt")
            ?? throw new InvalidOperationException("The embedded resource dutch-compound-parts.txt is missing.");
        using var reader = new StreamReader(stream);
        var parts = new CharArraySet(LuceneVersion.LUCENE_48, 256, ignoreCase: false);
        while (reader.ReadLine() is { } line)
        {
            var part = line.Trim();
            if (part.Length > 0 && !part.StartsWith('#'))
                parts.Add(part);
        }
        return parts;
    }
}
