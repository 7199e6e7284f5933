using System.Text.RegularExpressions;
using PocMaterials.Content.Markdown;

namespace PocMaterials.Content.Tests.Markdown;

public sealed class MarkdownRenderingTests
{
    [Fact]
    public void Raw_html_is_escaped_not_rendered()
    {
        var html = MarkdownRendering.ToHtml("Hallo <script>alert(1)</script> en <img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JavaScript:alert(1))")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[klik](vbscript:msgbox)")]
    public void Links_with_unsafe_schemes_are_neutralised(string markdown)
    {
        var html = MarkdownRendering.ToHtml(markdown);

        Assert.Contains("href=\"#\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[site](https://example.org/a)", "https://example.org/a")]
    [InlineData("[mail](mailto:an.jacobs@example.org)", "mailto:an.jacobs@example.org")]
    [InlineData("[intern](/materials/faq#vraag)", "/materials/faq#vraag")]
    public void Safe_links_are_kept(string markdown, string href)
    {
        Assert.Contains($"href=\"{href}\"", MarkdownRendering.ToHtml(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_the_anchors_that_questions_report()
    {
        var document = MarkdownRendering.Parse("## Mag ik info delen met één ouder?\nJa.\n");
        var question = Assert.Single(MarkdownRendering.Questions(document));

        Assert.Contains(
            $"id=\"{question.Anchor}\"",
            MarkdownRendering.ToHtml("## Mag ik info delen met één ouder?\nJa.\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Every_heading_shown_is_a_question_whose_anchor_is_its_id_whatever_markup_it_holds()
    {
        const string markdown = "## Wat met <b>vet</b> en *nadruk*?\nJa.\n\n## <span></span>\nNee.\n\n"
            + "## Wat met <b>vet</b> en *nadruk*?\nNog eens.\n";

        var ids = Regex.Matches(MarkdownRendering.ToHtml(markdown), "<h2 id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        var questions = MarkdownRendering.Questions(MarkdownRendering.Parse(markdown));

        Assert.Equal(3, ids.Count);
        Assert.Equal(ids, questions.Select(q => q.Anchor));
        Assert.Equal(["Wat met vet en nadruk?", "<span></span>", "Wat met vet en nadruk?"], questions.Select(q => q.Question));
    }

    [Fact]
    public void A_plain_heading_keeps_its_GitHub_anchor()
    {
        var question = Assert.Single(MarkdownRendering.Questions(MarkdownRendering.Parse("## Mag ik info delen met één ouder?\nJa.\n")));

        Assert.Equal("mag-ik-info-delen-met-één-ouder", question.Anchor);
    }

    [Fact]
    public void Plain_text_leaves_out_html_blocks_and_keeps_link_text()
    {
        var text = MarkdownRendering.ToPlainText("<div>verborgen</div>\n\nZie [de leidraad](https://example.org) **nu**.");

        Assert.Equal("Zie de leidraad nu.", text);
    }

    [Fact]
    public void Mail_text_follows_each_link_a_reader_can_open_with_its_target()
    {
        var text = MarkdownRendering.ToMailText(
            "Lees [de omzendbrief](https://onderwijs.example.org/a), mail [An](mailto:an@example.org), niet [dit](javascript:alert(1)).");

        Assert.Equal("Lees de omzendbrief [https://onderwijs.example.org/a], mail An [mailto:an@example.org], niet dit.", text);
    }
}
