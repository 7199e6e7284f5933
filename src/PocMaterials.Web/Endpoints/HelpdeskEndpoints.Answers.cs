using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Helpdesk.Delivery;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>Answering a question (mailed to the asker), closing and reopening it, and the minutes spent on it.</summary>
public static partial class HelpdeskEndpoints
{
    private static void MapAnswers(RouteGroupBuilder editors)
    {
        editors.MapPost("/{id:long}/answer", Answer).WithName("AnswerHelpdeskQuestion")
            .WithSummary("Answers a question ({\"text\", \"materials\": [slugs], \"minutes\"}); a later answer corrects it")
            .WithDescription("200 with the question, answered. When the asker's address is known the answer is mailed to them "
                + "(each time: a correction is mailed again) with a link per material (source=helpdesk) and a satisfaction line; "
                + "the mail is queued with the answer and retried while the mail server is away, never sent twice. 400 with "
                + "fieldErrors coded required, too-long, control-character, invalid-markdown, unknown-material, too-many, "
                + "out-of-range; 404 for no such question; 409 (code conflict) for a closed question: reopen it first.");
        editors.MapPost("/{id:long}/close", Close).WithName("CloseHelpdeskQuestion")
            .WithSummary("Closes a question (answered or not): 200 with the question, also when it was closed; 404 for none");
        editors.MapPost("/{id:long}/reopen", Reopen).WithName("ReopenHelpdeskQuestion")
            .WithSummary("Opens a question again (its answer is kept): 200 with the question; 404 for none");
        editors.MapPut("/{id:long}/minutes", Minutes).WithName("SetHelpdeskMinutes")
            .WithSummary("Sets the minutes spent on a question ({\"minutes\"}: 0 to 600, null to clear): 200; 400; 404 for none");
        editors.MapPost("/{id:long}/mails/{mailId:long}/resend", Resend).WithName("ResendHelpdeskMail")
            .WithSummary("Sends an uncertain mail of a question again")
            .WithDescription("202: the mail goes out again (it may have arrived before its host stopped: an editor chooses). "
                + "409 (code conflict) when the question has no such mail, or the mail is not uncertain (sent, failed or on its way).");
    }

    internal static async Task<Results<Accepted, ConflictProblem>> Resend(
        long id, long mailId, QueuedMails mails, CancellationToken cancellationToken)
    {
        if (await mails.ResendAsync(id, mailId, cancellationToken))
            return TypedResults.Accepted((string?)null);
        return Problems.Conflict(
            "Only an uncertain mail can be sent again.", $"Question {id} has no uncertain mail {mailId}.");
    }

    internal static async Task<Results<Ok<HelpdeskQuestionResponse>, ValidationProblem, NotFoundProblem, ConflictProblem>> Answer(
        long id, HelpdeskAnswerRequest request, ClaimsPrincipal user, ContentLibrary library, QuestionDesk desk, QuestionStore store,
        StaffNames names, CancellationToken cancellationToken)
    {
        var content = library.Current;
        var errors = new FieldErrors();
        var text = HelpdeskChecks.Text(errors, "text", request.Text, QuestionLimits.MaxAnswer);
        if (!errors.Any)
            HelpdeskChecks.Markdown(errors, "text", text);
        var materials = HelpdeskChecks.Materials(errors, content, request.Materials);
        HelpdeskChecks.Minutes(errors, request.Minutes);
        if (errors.Problem("The answer is not valid.") is { } invalid)
            return invalid;
        var outcome = await desk.AnswerAsync(id, text, materials, request.Minutes, user.ToStaffMember().Subject, cancellationToken);
        return outcome switch
        {
            AnswerOutcome.NotFound => Problems.NotFound("question", id),
            AnswerOutcome.Closed => Problems.Conflict("The question is closed.", "Reopen the question before answering it."),
            _ => TypedResults.Ok(await ResponseAsync(id, store, content, names, cancellationToken)),
        };
    }

    internal static Task<Results<Ok<HelpdeskQuestionResponse>, NotFoundProblem>> Close(
        long id, ContentLibrary library, QuestionStore store, StaffNames names, CancellationToken cancellationToken) =>
        StatusAsync(id, QuestionStatus.Closed, library, store, names, cancellationToken);

    internal static Task<Results<Ok<HelpdeskQuestionResponse>, NotFoundProblem>> Reopen(
        long id, ContentLibrary library, QuestionStore store, StaffNames names, CancellationToken cancellationToken) =>
        StatusAsync(id, QuestionStatus.Open, library, store, names, cancellationToken);

    internal static async Task<Results<Ok<HelpdeskQuestionResponse>, ValidationProblem, NotFoundProblem>> Minutes(
        long id, HelpdeskMinutesRequest request, ContentLibrary library, QuestionStore store, StaffNames names,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        HelpdeskChecks.Minutes(errors, request.Minutes);
        if (errors.Problem("The minutes are not valid.") is { } invalid)
            return invalid;
        return await store.SetMinutesAsync(id, request.Minutes, cancellationToken)
            ? TypedResults.Ok(await ResponseAsync(id, store, library.Current, names, cancellationToken))
            : Problems.NotFound("question", id);
    }

    private static async Task<Results<Ok<HelpdeskQuestionResponse>, NotFoundProblem>> StatusAsync(
        long id, string status, ContentLibrary library, QuestionStore store, StaffNames names, CancellationToken cancellationToken) =>
        await store.SetStatusAsync(id, status, cancellationToken)
            ? TypedResults.Ok(await ResponseAsync(id, store, library.Current, names, cancellationToken))
            : Problems.NotFound("question", id);

    private static async Task<HelpdeskQuestionResponse> ResponseAsync(
        long id, QuestionStore store, ContentSnapshot content, StaffNames names, CancellationToken cancellationToken)
    {
        var question = (await store.GetAsync(id, cancellationToken))!;
        return HelpdeskResponses.From(question, content, await names.NamesOfAsync(HelpdeskResponses.Editors(question), cancellationToken));
    }
}
