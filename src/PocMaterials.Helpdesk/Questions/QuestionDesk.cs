using Microsoft.Extensions.Options;
using MimeKit;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Sending;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Helpdesk.Questions;

/// <summary>A question as the website takes it, already checked against the content.</summary>
public sealed record AskedQuestion(string Text, string Theme, string? CoreProcess, string? MaterialSlug);

/// <summary>A question that came by phone, mail or a session, as an editor registers it, already checked.</summary>
public sealed record RegisteredQuestion(
    string Channel, string Text, string Theme, string? CoreProcess, IReadOnlyList<string> Roles, string? Centre, int? Minutes,
    DateTimeOffset? AskedAt);

/// <summary>
/// What the helpdesk does with a question: registers it pseudonymously (the asker's viewer key, their address only to
/// mail the answer), mails a website question to its theme's contact, and mails each answer to the asker.
/// </summary>
public sealed class QuestionDesk(
    QuestionStore store,
    IQuestionMails mails,
    ContentLibrary library,
    ViewerPseudonyms pseudonyms,
    IOptions<HelpdeskOptions> options,
    IOptions<SmtpOptions> smtp,
    TimeProvider time)
{
    /// <param name="email">The asker's address from their session, if it gives one: the answer is mailed to it.</param>
    public Task<HelpdeskQuestion> AskAsync(StaffMember asker, string? email, AskedQuestion question, CancellationToken cancellationToken)
    {
        var content = library.Current;
        var asked = new NewQuestion(time.GetUtcNow(), Channels.Website, question.Text, question.Theme, question.CoreProcess,
            question.MaterialSlug, [.. asker.Roles.Order(StringComparer.Ordinal)], asker.Centre, pseudonyms.For(asker.Subject), email,
            null, null);
        return store.RegisterAsync(asked, registered => mails.Question(registered, content, ContactAddress(question.Theme)),
            cancellationToken);
    }

    /// <summary>Registers a question by phone, mail or a session: no mail, the contact already has it.</summary>
    public Task<HelpdeskQuestion> RegisterAsync(string editor, RegisteredQuestion question, CancellationToken cancellationToken)
    {
        var registered = new NewQuestion(question.AskedAt ?? time.GetUtcNow(), question.Channel, question.Text, question.Theme,
            question.CoreProcess, null, question.Roles, question.Centre, null, null, editor, question.Minutes);
        return store.RegisterAsync(registered, _ => null, cancellationToken);
    }

    public Task<AnswerOutcome> AnswerAsync(
        long id, string answer, IReadOnlyList<string> materials, int? minutes, string editor, CancellationToken cancellationToken)
    {
        var content = library.Current;
        return store.AnswerAsync(id, answer, materials, minutes, editor, time.GetUtcNow(),
            (answered, email) => mails.Answer(answered, content, email), cancellationToken);
    }

    /// <summary>The theme's contact's address; else the configured helpdesk address; else the address mails come from.</summary>
    public string ContactAddress(string theme)
    {
        var content = library.Current;
        if (content.ThemesById.TryGetValue(theme, out var found) && content.ContactOf(found.ContactId)?.Email is { Length: > 0 } email)
            return email;
        var fallback = options.Value.Address is { Length: > 0 } address ? address : smtp.Value.Sender;
        return MailboxAddress.Parse(fallback).Address;
    }
}
