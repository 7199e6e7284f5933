using System.Globalization;
using HandlebarsDotNet;
using Microsoft.Extensions.Options;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Visibility;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Questions;

namespace PocMaterials.Helpdesk.Mails;

/// <summary>
/// Composes the helpdesk's Dutch mails, HTML with a plain-text alternative as the newsletter's are: the question for the
/// theme's contact (what was asked, by which role and centre: never by whom), and the answer for the asker, with its
/// materials linked as views from the helpdesk and the one-click satisfaction line.
/// </summary>
public sealed class HelpdeskMails(SatisfactionLinks satisfaction, IOptions<PublicAddressOptions> address) : IQuestionMails
{
    private static readonly IHandlebars Html = Handlebars.Create();

    // Plain text is not HTML: nothing is escaped.
    private static readonly IHandlebars Text = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });

    private static readonly HandlebarsTemplate<object, object> QuestionHtml = Html.Compile(Read("question.html.hbs"));
    private static readonly HandlebarsTemplate<object, object> QuestionText = Text.Compile(Read("question.txt.hbs"));
    private static readonly HandlebarsTemplate<object, object> AnswerHtml = Html.Compile(Read("answer.html.hbs"));
    private static readonly HandlebarsTemplate<object, object> AnswerText = Text.Compile(Read("answer.txt.hbs"));

    private string Base => address.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>The mail to the theme's contact about a question asked on the website.</summary>
    public OutgoingMail Question(HelpdeskQuestion question, ContentSnapshot content, string recipient)
    {
        var taxonomy = content.Taxonomy;
        var theme = content.ThemeTitle(question.Theme);
        var subject = $"Nieuwe vraag over {theme}";
        var data = new Dictionary<string, object?>
        {
            ["subject"] = subject,
            ["question"] = question.Text,
            ["themeLabel"] = theme,
            ["coreProcessLabel"] = question.CoreProcess is { } process ? taxonomy.CoreProcesses.LabelOf(process) : null,
            ["material"] = question.MaterialSlug is { } slug ? Material(content, slug, source: null) : null,
            ["rolesLabel"] = RolesLabel(question.Roles, content),
            ["centreLabel"] = question.Centre is { } centre ? taxonomy.Centres.LabelOf(centre) : null,
            ["questionUrl"] = string.Create(CultureInfo.InvariantCulture, $"{Base}/redactie/vragen/{question.Id}"),
        };
        return new OutgoingMail(OutgoingMail.QuestionKind, recipient, null, subject, QuestionHtml(data), QuestionText(data));
    }

    /// <summary>The mail to the asker with the question's (latest) answer; replies go to the theme's contact.</summary>
    public OutgoingMail Answer(HelpdeskQuestion question, ContentSnapshot content, string recipient)
    {
        var answer = question.Answer ?? throw new ArgumentException("The question has no answer.", nameof(question));
        var contact = content.ThemesById.TryGetValue(question.Theme, out var theme) ? content.ContactOf(theme.ContactId) : null;
        const string Subject = "Antwoord op je vraag aan POC+";
        var data = new Dictionary<string, object?>
        {
            ["subject"] = Subject,
            ["themeLabel"] = content.ThemeTitle(question.Theme),
            ["question"] = question.Text,
            ["answer"] = MarkdownRendering.ToMailText(answer.Text),
            ["answerHtml"] = MarkdownRendering.ToHtml(answer.Text),
            ["materials"] = answer.Materials.Where(content.Materials.ContainsKey).Select(s => Material(content, s, "helpdesk")).ToList(),
            ["scores"] = Enumerable.Range(SatisfactionLinks.MinScore, SatisfactionLinks.MaxScore).Select(score =>
                new Dictionary<string, object?> { ["score"] = score, ["url"] = satisfaction.Url(question.Id, score),
                    ["label"] = ScoreLabel(score) }).ToList(),
            ["contact"] = contact?.Name,
        };
        return new OutgoingMail(OutgoingMail.AnswerKind, recipient, contact?.Email, Subject, AnswerHtml(data), AnswerText(data));
    }

    /// <summary>The roles that say something: a doctor's question is a doctor's, not also every staff member's.</summary>
    private static string RolesLabel(IReadOnlyList<string> roles, ContentSnapshot content)
    {
        var telling = roles.Where(r => r != StaffRoles.Everyone).ToList();
        return string.Join(", ", (telling.Count > 0 ? telling : [StaffRoles.Everyone]).Select(content.Taxonomy.Roles.LabelOf));
    }

    private Dictionary<string, object?> Material(ContentSnapshot content, string slug, string? source) => new()
    {
        ["title"] = content.Materials.TryGetValue(slug, out var material) ? material.Title : slug,
        ["url"] = $"{Base}/materials/{Uri.EscapeDataString(slug)}" + (source is null ? "" : $"?source={source}"),
    };

    private static string ScoreLabel(int score) => score switch
    {
        1 => "Helemaal niet tevreden",
        2 => "Niet tevreden",
        3 => "Neutraal",
        4 => "Tevreden",
        _ => "Heel tevreden",
    };

    private static string Read(string name)
    {
        using var stream = typeof(HelpdeskMails).Assembly.GetManifestResourceStream($"PocMaterials.Helpdesk.Mails.Templates.{name}")
            ?? throw new InvalidOperationException($"The template {name} is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
