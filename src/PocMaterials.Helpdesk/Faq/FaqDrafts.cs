using System.Text.RegularExpressions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Publishing;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Faq;

/// <summary>
/// What "Maak er een FAQ-vraag van" opens in the editor: the whole file of the theme's FAQ list with the question added
/// at its end as a question (a level-2 heading) and the answer as its text, or a new FAQ list for the theme.
/// </summary>
/// <param name="Exists">Whether the material exists already (the theme's FAQ list), or is a new one.</param>
/// <param name="Anchor">The anchor the added question will have once published.</param>
public sealed record FaqDraft(string Slug, bool Exists, string Text, string Anchor);

/// <summary>Writes FAQ drafts in the content format: an existing list is left as it is, byte for byte, up to the new question.</summary>
public sealed partial class FaqDrafts(ContentLibrary library)
{
    public const string FaqType = "faq";

    /// <summary>The draft for an answered question.</summary>
    public FaqDraft Draft(HelpdeskQuestion question)
    {
        var answer = question.Answer ?? throw new ArgumentException("The question has no answer.", nameof(question));
        var content = library.Current;
        var entry = Entry(question.Text, answer, content);
        if (ListOf(question.Theme, content) is { } list)
        {
            var text = File.ReadAllText(library.Location.FullPathOf(list.SourcePath));
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var added = text.TrimEnd('\r', '\n') + newline + newline + entry.Replace("\n", newline, StringComparison.Ordinal);
            return new FaqDraft(list.Slug, true, added, LastAnchor(MarkdownFile.Split(added).Body));
        }
        var title = content.ThemeTitle(question.Theme);
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["title"] = FieldValue.Text(Shorten($"FAQ {title}", FieldLimits.Title)),
            ["type"] = FieldValue.Text(FaqType),
            ["summary"] = FieldValue.Text(Shorten($"Vragen en antwoorden over {title}.", FieldLimits.Summary)),
            ["core_processes"] = FieldValue.List(question.CoreProcess is { } process ? [process] : []),
            ["themes"] = FieldValue.List([question.Theme]),
            // A draft until the editor publishes it.
            ["status"] = FieldValue.Text(nameof(MaterialStatus.Draft).ToLowerInvariant()),
        };
        return new FaqDraft(FreeSlug($"faq-{question.Theme}", content), false, MaterialMarkdown.Write(null, fields, entry),
            LastAnchor(entry));
    }

    /// <summary>
    /// The theme's FAQ list: a FAQ material of the theme, first one that names it first among its themes, then a published
    /// one, then the one with the most questions.
    /// </summary>
    public static Material? ListOf(string theme, ContentSnapshot content) =>
        content.Materials.Values
            .Where(m => m.Type == FaqType && m.Themes.Contains(theme))
            .OrderByDescending(m => m.Themes[0] == theme)
            .ThenByDescending(m => m.Status == MaterialStatus.Published)
            .ThenByDescending(m => m.Questions.Count)
            .ThenBy(m => m.Slug, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The question as a level-2 heading on one line, the answer as its text, then the answer's materials.</summary>
    private static string Entry(string question, QuestionAnswer answer, ContentSnapshot content)
    {
        var text = answer.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var entry = $"## {Whitespace().Replace(question, " ").Trim()}\n\n{text}\n";
        var links = answer.Materials.Where(content.Materials.ContainsKey)
            .Select(slug => $"- [{content.Materials[slug].Title}](/materials/{slug})").ToList();
        return links.Count == 0 ? entry : entry + "\nLees meer:\n\n" + string.Join('\n', links) + "\n";
    }

    private static string LastAnchor(string body) => MarkdownRendering.Questions(MarkdownRendering.Parse(body))[^1].Anchor;

    private static string FreeSlug(string wanted, ContentSnapshot content)
    {
        var slug = wanted;
        for (var n = 2; content.Materials.ContainsKey(slug); n++)
            slug = $"{wanted}-{n}";
        return slug;
    }

    private static string Shorten(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
