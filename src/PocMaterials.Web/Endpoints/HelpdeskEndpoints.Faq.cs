using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Helpdesk.Faq;
using PocMaterials.Helpdesk.Questions;
using PocMaterials.Persistence;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>"Maak er een FAQ-vraag van": the draft the editor opens, and the FAQ question the question became once published.</summary>
public static partial class HelpdeskEndpoints
{
    private static void MapFaq(RouteGroupBuilder editors)
    {
        editors.MapGet("/{id:long}/faq-draft", FaqDraft).WithName("HelpdeskFaqDraft")
            .WithSummary("The theme's FAQ list with the question and its answer added, or a new FAQ list: what the editor opens")
            .WithDescription("{slug, exists, text, anchor}: text is the whole material file (front matter and Markdown), exists "
                + "whether the material is there already (else a free slug for a new draft FAQ list of the theme), anchor the "
                + "added question's anchor once published. Nothing is written. 404 for no such question; 409 (code conflict) for "
                + "a question without an answer.");
        editors.MapPost("/{id:long}/faq", Faq).WithName("RecordHelpdeskFaq")
            .WithSummary("Records which FAQ question the question became ({\"slug\", \"anchor\"}), after it was published")
            .WithDescription("200 with the question; 400 (fieldErrors coded required) without slug or anchor; 404 for no such "
                + "question; 422 (code unknown-material) for no such material, (code unknown-anchor) for an anchor it has no "
                + "FAQ question for.");
    }

    internal static async Task<Results<Ok<FaqDraft>, NotFoundProblem, ConflictProblem>> FaqDraft(
        long id, QuestionStore store, FaqDrafts drafts, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } question)
            return Problems.NotFound("question", id);
        if (question.Answer is null)
            return Problems.Conflict("The question has no answer yet.", "Answer the question first: its answer is the FAQ's text.");
        return TypedResults.Ok(drafts.Draft(question));
    }

    internal static async Task<Results<Ok<HelpdeskQuestionResponse>, ValidationProblem, NotFoundProblem, UnprocessableProblem>> Faq(
        long id, HelpdeskFaqRequest request, ContentLibrary library, QuestionStore store, StaffNames names,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.Slug))
            errors.Add(new FieldError("slug", ContentErrorCodes.Required, "The FAQ's material is required.", Empty));
        if (string.IsNullOrEmpty(request.Anchor))
            errors.Add(new FieldError("anchor", ContentErrorCodes.Required, "The FAQ question's anchor is required.", Empty));
        if (errors.Problem("The FAQ question is not valid.") is { } invalid)
            return invalid;
        var content = library.Current;
        if (await store.GetAsync(id, cancellationToken) is null)
            return Problems.NotFound("question", id);
        if (!content.Materials.TryGetValue(request.Slug!, out var material))
        {
            return Problems.Unprocessable(HelpdeskChecks.UnknownMaterial, "There is no such material.",
                $"There is no material '{request.Slug}'.");
        }
        if (!material.Questions.Any(q => q.Anchor == request.Anchor))
        {
            return Problems.Unprocessable("unknown-anchor", "The material has no such question.",
                $"'{request.Slug}' has no FAQ question with the anchor '{request.Anchor}'.");
        }
        await store.RecordFaqAsync(id, request.Slug!, request.Anchor!, cancellationToken);
        return TypedResults.Ok(await ResponseAsync(id, store, content, names, cancellationToken));
    }

    private static readonly Dictionary<string, object> Empty = new(StringComparer.Ordinal);
}
