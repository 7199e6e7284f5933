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
        var document = Markdig.Markdown.Parse(text, MarkdownRendering.FrontMatterPipeline);
        if (document.Descendants<YamlFrontMatterBlock>().FirstOrDefault() is { } block)
        {
            var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()));
            var bodyStart = Math.Min(text.Length, block.Span.End + 1);
            var bodyLine = block.Line + 1 + block.Lines.Count + 2;
            return new MarkdownFile(yaml, block.Line + 2, false, text[bodyStart..].TrimStart('\n'), bodyLine);
        }
        var unclosed = text.StartsWith("---\n", StringComparison.Ordinal) || text.TrimEnd() == "---";
        return new MarkdownFile(null, 1, unclosed, text, 1);
    }
}
