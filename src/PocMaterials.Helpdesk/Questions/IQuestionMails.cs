using PocMaterials.Content.Library;
using PocMaterials.Helpdesk.Delivery;

namespace PocMaterials.Helpdesk.Questions;

/// <summary>Composes the mails of questions: the theme contact's about a new question, the asker's with an answer.</summary>
public interface IQuestionMails
{
    OutgoingMail Question(HelpdeskQuestion question, ContentSnapshot content, string recipient);

    OutgoingMail Answer(HelpdeskQuestion question, ContentSnapshot content, string recipient);
}
