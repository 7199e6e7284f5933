using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace PocMaterials.Content.Markdown;

/// <summary>A Markdown file split into its YAML front matter and its body.</summary>
public sealed class MarkdownFile
{
    private MarkdownFile(string? frontMatter, int frontMatterLine, bool frontMatterUnclosed, string body, int bodyLine)
    {
        FrontMatter = frontMatter;
        FrontMatterLine = frontMatterLine;
        FrontMatterUnclosed = frontMatterUnclosed;
        Body = body;
        BodyLine = bodyLine;
    }

    /// <summary>The YAML between the <c>---</c> lines, or null when the file has none.</summary>
    public string? FrontMatter { get; }

    /// <summary>The 1-based file line of the first YAML line.</summary>
    public int FrontMatterLine { get; }

    /// <summary>The file opens a front matter block that is never closed (Markdig reads it as a thematic break).</summary>
    public bool FrontMatterUnclosed { get; }

    public string Body { get; }

    /// <summary>The 1-based file line on which the body starts.</summary>
    public int BodyLine { get; }

    public static MarkdownFile Split(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        // Only the front matter goes through Markdig here: a pathological body (deep nesting) is
        // reported by the body's own parse, with the body's line, not lost in the split.
        var document = Markdig.Markdown.Parse(text[..FrontMatterCandidateEnd(text)], MarkdownRendering.FrontMatterPipeline);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block)
        {
            var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
            var bodyStart = Math.Min(text.Length, block.Span.End + 1);
            var body = text[bodyStart..].TrimStart('\n');
            // Blank lines before the body are dropped, but its lines keep their numbers in the file.
            var bodyLine = text.AsSpan(0, text.Length - body.Length).Count('\n') + 1;
            return new MarkdownFile(yaml, block.Line + 2, false, body, bodyLine);
        }
        var unclosed = text.StartsWith("---\n", StringComparison.Ordinal) || text.TrimEnd() == "---";
        return new MarkdownFile(null, 1, unclosed, text, 1);
    }

    /// <summary>
    /// Where a front matter block could end: after the first closing line (<c>---</c> or <c>...</c>)
    /// following an opening <c>---</c> on line 1. No front matter can reach past it.
    /// </summary>
    private static int FrontMatterCandidateEnd(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal))
            return 0;
        var lineStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        while (lineStart > 0 && lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var line = lineEnd < 0 ? text[lineStart..] : text[lineStart..lineEnd];
            if (line.TrimEnd() is "---" or "...")
                return lineEnd < 0 ? text.Length : lineEnd + 1;
            lineStart = lineEnd + 1;
        }
        return text.Length;
    }
}
