using HandlebarsDotNet;

namespace PocMaterials.Newsletter.Rendering;

/// <summary>A mail as sent: subject, HTML and its plain-text alternative.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text);

/// <summary>The links that differ per recipient of a mail.</summary>
public sealed record RecipientLinks(string UnsubscribeUrl, string ArchiveUrl, string? OpenPixelUrl);

/// <summary>
/// Renders issues with Handlebars templates: the HTML mail (a fluid table layout with inline styles, for
/// Outlook, Gmail, Apple Mail and phones), its plain-text alternative and the web archive page. The defaults ship inside the
/// product; a file of the same name in the configured folder replaces one, without a rebuild.
/// </summary>
public sealed class IssueRenderer
{
    public const string MailHtmlTemplate = "mail.html.hbs";
    public const string MailTextTemplate = "mail.txt.hbs";
    public const string ArchiveTemplate = "archive.html.hbs";

    private readonly HandlebarsTemplate<object, object> _mailHtml;
    private readonly HandlebarsTemplate<object, object> _mailText;
    private readonly HandlebarsTemplate<object, object> _archive;

    /// <param name="overridesPath">A folder whose templates replace the defaults of the same name; null for the defaults.</param>
    public IssueRenderer(string? overridesPath = null)
    {
        var html = Handlebars.Create();
        // Plain text is not HTML: nothing is escaped, and no HTML reaches it (the intro is plain text).
        var text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        _mailHtml = html.Compile(Read(MailHtmlTemplate, overridesPath));
        _mailText = text.Compile(Read(MailTextTemplate, overridesPath));
        _archive = html.Compile(Read(ArchiveTemplate, overridesPath));
    }

    public RenderedMail Mail(IssueView view, string recipientName, RecipientLinks links)
    {
        var data = Data(view, recipientName, links);
        var html = new Dictionary<string, object?>(data) { ["introHtml"] = FluidIntro(view.IntroHtml) };
        return new RenderedMail(view.Subject, _mailHtml(html), _mailText(data));
    }

    /// <summary>
    /// The introduction as a mail shows it: mail clients honour inline styles only, so its images scale down to the
    /// column, its tables take the column's width and its code wraps, on a phone as on a desktop. The HTML comes from
    /// our Markdown renderer, whose tags are known: raw HTML in an introduction arrives escaped, never as a tag.
    /// </summary>
    private static string FluidIntro(string html) => html
        .Replace("<img ", "<img style=\"max-width:100%;height:auto;border:0;\" ", StringComparison.Ordinal)
        // Columns of equal width: sized by their words, a table of Dutch compounds would not fit a phone, and words that may
        // break anywhere would squeeze a column to a few letters. Now only a word wider than its column breaks.
        .Replace("<table>", "<table style=\"width:100%;table-layout:fixed;border-collapse:collapse;\">", StringComparison.Ordinal)
        .Replace("<pre>", "<pre style=\"white-space:pre-wrap;\">", StringComparison.Ordinal);

    public string Archive(IssueView view) => _archive(Data(view, "", null));

    private static Dictionary<string, object?> Data(IssueView view, string recipientName, RecipientLinks? links) => new()
    {
        ["subject"] = view.Subject,
        ["monthLabel"] = view.MonthLabel,
        ["featureTitle"] = view.FeatureTitle,
        ["introHtml"] = view.IntroHtml,
        ["introText"] = view.IntroText,
        ["recipientName"] = recipientName,
        ["contact"] = view.Contact is { } c
            ? new Dictionary<string, object?> { ["name"] = c.Name, ["role"] = c.Role, ["email"] = c.Email, ["phone"] = c.Phone }
            : null,
        ["groups"] = view.Groups.Select(g => new Dictionary<string, object?>
        {
            ["title"] = g.Title,
            ["materials"] = g.Materials.Select(m => new Dictionary<string, object?>
            {
                ["title"] = m.Title, ["typeLabel"] = m.TypeLabel, ["summary"] = m.Summary, ["url"] = m.Url,
            }).ToList(),
        }).ToList(),
        ["unsubscribeUrl"] = links?.UnsubscribeUrl,
        ["archiveUrl"] = links?.ArchiveUrl,
        ["openPixelUrl"] = links?.OpenPixelUrl,
    };

    private static string Read(string name, string? overridesPath)
    {
        if (overridesPath is not null && File.Exists(Path.Combine(overridesPath, name)))
            return File.ReadAllText(Path.Combine(overridesPath, name));
        using var stream = typeof(IssueRenderer).Assembly.GetManifestResourceStream($"PocMaterials.Newsletter.Rendering.Templates.{name}")
            ?? throw new InvalidOperationException($"The default template {name} is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
