namespace PocMaterials.Helpdesk.Delivery;

/// <summary>What the mail queue sends: the kind (question, answer), to whom, and the message as composed.</summary>
public sealed record OutgoingMail(string Kind, string Recipient, string? ReplyTo, string Subject, string Html, string Text)
{
    public const string QuestionKind = "question";
    public const string AnswerKind = "answer";
}
