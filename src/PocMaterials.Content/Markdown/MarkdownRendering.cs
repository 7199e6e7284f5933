using System.Text;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using PocMaterials.Content.Materials;

namespace PocMaterials.Content.Markdown;

/// <summary>
/// The one Markdown dialect of the material bank: what is rendered to staff as HTML, what is indexed
/// as text, and how FAQ questions are found. Raw HTML is never passed through.
/// </summary>
public static class MarkdownRendering
{
    internal static readonly MarkdownPipeline FrontMatterPipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    // Parsing with HTML recognised lets the text walk skip raw HTML; rendering escapes it instead.
    private static readonly MarkdownPipeline TextPipeline = Dialect().Build();
    private static readonly MarkdownPipeline HtmlPipeline = Dialect().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public static MarkdownDocument Parse(string markdown) => WithAnchors(Markdig.Markdown.Parse(markdown, TextPipeline));

    /// <summary>Parses a content file's Markdown, or reports at its first line why it cannot be read.</summary>
    public static MarkdownDocument? Parse(string markdown, string file, int line, List<ContentError> errors)
    {
        if (ContentText.NulLine(markdown) is { } nul)
        {
            errors.Add(new ContentError(file, line + nul - 1, "body", ContentFaults.Nul()));
            return null;
        }
        try
        {
            return Parse(markdown);
        }
        catch (ArgumentException e)
        {
            // Markdig refuses input nested deeper than it can render (thousands of '>' or '[').
            errors.Add(new ContentError(file, line, "body", ContentFaults.InvalidMarkdown(e.Message)));
            return null;
        }
    }

    private static MarkdownPipelineBuilder Dialect() => new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseEmphasisExtras();

    /// <summary>Renders to HTML with raw HTML escaped and links of unsafe schemes (javascript:, data:, ...) removed.</summary>
    public static string ToHtml(string markdown)
    {
        var document = WithAnchors(Markdig.Markdown.Parse(markdown, HtmlPipeline));
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafeUrl(link.Url))
                link.Url = "#";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafeUrl(autolink.Url))
                autolink.Url = "#";
        }
        return document.ToHtml(HtmlPipeline);
    }

    /// <summary>
    /// A body being edited as the material page would show it, or nothing when Markdig cannot read it (nested thousands
    /// deep): its check says why, and the preview must not fail with it.
    /// </summary>
    public static string PreviewHtml(string markdown)
    {
        try
        {
            return ToHtml(markdown);
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    /// <summary>The words a reader sees, block by block; raw HTML and script text are left out.</summary>
    public static string ToPlainText(IEnumerable<Block> blocks)
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
            AppendBlock(block, text);
        return text.ToString().Trim();
    }

    public static string ToPlainText(string markdown) => ToPlainText(Parse(markdown));

    /// <summary>
    /// The words of a text for a plain-text mail, each link followed by its target, "text [url]": its reader has no
    /// other way to follow it. Only addresses a reader can open (web and mail); others, like the HTML's, are left out.
    /// </summary>
    public static string ToMailText(string markdown)
    {
        var document = Parse(markdown);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !l.IsImage).ToList())
        {
            if (Uri.TryCreate(link.Url, UriKind.Absolute, out var target) && target.Scheme is "http" or "https" or "mailto")
                link.InsertAfter(new LiteralInline($" [{link.Url}]"));
        }
        return ToPlainText(document);
    }

    /// <summary>Every level-2 heading with the text up to the next level-2 heading.</summary>
    public static IReadOnlyList<FaqQuestion> Questions(MarkdownDocument document)
    {
        var questions = new List<FaqQuestion>();
        for (var i = 0; i < document.Count; i++)
        {
            if (document[i] is not HeadingBlock { Level: 2 } heading)
                continue;
            var answer = new List<Block>();
            for (var j = i + 1; j < document.Count && document[j] is not HeadingBlock { Level: <= 2 }; j++)
                answer.Add(document[j]);
            // Worded without raw HTML when it has words; a heading of markup only is still a question, as shown.
            var question = InlineText(heading.Inline).Trim() is { Length: > 0 } words
                ? words
                : InlineText(heading.Inline, asShown: true).Trim();
            if (question.Length > 0)
                questions.Add(new FaqQuestion(question, heading.GetAttributes().Id!, ToPlainText(answer)));
        }
        return questions;
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return true;
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        // No scheme (a relative link or an anchor) is safe; otherwise only the listed schemes.
        if (colon < 0 || (slash >= 0 && slash < colon))
            return true;
        return SafeSchemes.Contains(trimmed[..colon].ToLowerInvariant());
    }

    private static void AppendBlock(Block block, StringBuilder text)
    {
        switch (block)
        {
            case HtmlBlock:
                return;
            case LeafBlock { Inline: { } inline }:
                text.Append(InlineText(inline)).Append('\n');
                return;
            case LeafBlock leaf when leaf is CodeBlock:
                text.Append(string.Join('\n', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.ToString()))).Append('\n');
                return;
            case ContainerBlock container:
                foreach (var child in container)
                    AppendBlock(child, text);
                return;
        }
    }

    /// <summary>
    /// Gives every heading its anchor, in the HTML and in the questions alike: GitHub's slug of the heading as the
    /// page shows it (raw HTML escaped, so as written), numbered when it repeats. The text parse and the HTML parse
    /// see the same shown text, so a question's anchor is its heading's id, whatever markup the heading holds.
    /// </summary>
    private static MarkdownDocument WithAnchors(MarkdownDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var slug = LinkHelper.UrilizeAsGfm(InlineText(heading.Inline, asShown: true)) is { Length: > 0 } s ? s : "section";
            var anchor = slug;
            for (var n = 1; !used.Add(anchor); n++)
                anchor = $"{slug}-{n}";
            heading.GetAttributes().Id = anchor;
        }
        return document;
    }

    /// <param name="asShown">Raw HTML as the page shows it (escaped: its tags as text), rather than left out.</param>
    private static string InlineText(ContainerInline? container, bool asShown = false)
    {
        if (container is null)
            return "";
        var text = new StringBuilder();
        // Text between inline <script> or <style> tags is code, not words for a reader.
        var inScript = false;
        foreach (var inline in container.Descendants<Inline>())
        {
            if (inline is HtmlInline { Tag: var shown } && asShown)
            {
                text.Append(shown);
                continue;
            }
            if (inline is HtmlInline html)
            {
                var tag = html.Tag.TrimStart('<').ToLowerInvariant();
                if (tag.StartsWith("script", StringComparison.Ordinal) || tag.StartsWith("style", StringComparison.Ordinal))
                    inScript = true;
                else if (tag.StartsWith("/script", StringComparison.Ordinal) || tag.StartsWith("/style", StringComparison.Ordinal))
                    inScript = false;
                continue;
            }
            if (inScript)
                continue;
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString();
    }
}
