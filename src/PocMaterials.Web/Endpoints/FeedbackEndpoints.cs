using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Reach.Feedback;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// "Was dit nuttig?": staff vote on a material or one of its FAQ answers (yes, or no with a reason and a comment); editors
/// read the votes per material and answer, and the period's materials and answers with the most no.
/// </summary>
public static class FeedbackEndpoints
{
    private const int DefaultTop = 10;

    /// <summary>A vote.</summary>
    /// <param name="Helpful">Yes (true) or no (false).</param>
    /// <param name="Reason">With a no only, required: verouderd, onvolledig, niet-wat-ik-zocht or onduidelijk.</param>
    /// <param name="Comment">With a no only, optional: at most 500 characters, without names of pupils.</param>
    /// <param name="Anchor">The FAQ question's anchor when the vote is about its answer; none for the material.</param>
    public sealed record FeedbackRequest(bool? Helpful, string? Reason, string? Comment, string? Anchor);

    /// <summary>The vote as kept: <paramref name="Anchor"/> is empty for the material itself.</summary>
    public sealed record FeedbackTaken(string Slug, string Anchor, bool Helpful, string? Reason, string? Comment);

    /// <summary>The caller's own votes on a material that a vote of theirs now would replace (none: an empty list).</summary>
    public sealed record MyFeedback(string Slug, IReadOnlyList<OwnVote> Votes);

    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        var feedback = api.MapGroup("/materials/{slug}/feedback").NeedsDatabase().WithTags("Was dit nuttig?");
        feedback.MapPost("", Vote).WithName("VoteOnMaterial")
            .WithSummary("Vote whether a material, or one of its FAQ answers, was helpful")
            .WithDescription("One vote per staff member, material and answer per 30 days from the first: a vote within them replaces "
                + "it (200; a new one is 201). Kept with the pseudonymous viewer key, never a name. 404 when the material does not "
                + "exist or the caller may not see it; 400 (code invalid, with fieldErrors coded unknown-reason, reason-required, "
                + "only-with-no, comment-too-long) for a reason or comment that does not hold; 422 (code unknown-anchor) for an "
                + "anchor the material has no question for.");
        feedback.MapGet("/mine", Mine).WithName("MyMaterialFeedback")
            .WithSummary("The caller's own votes on a material and its FAQ answers, as a page shows them")
            .WithDescription("Any staff member: their votes of the 30 days in which another replaces them, one per answer (anchor "
                + "empty: the material), found by their pseudonymous viewer key; never anyone else's. 404 when the material does "
                + "not exist or the caller may not see it.");
        feedback.MapGet("", ForMaterial).RequireAuthorization(Policies.Editor).WithName("MaterialFeedback")
            .WithSummary("The votes on one material: on the material, per FAQ answer, and the latest comments")
            .WithDescription("Editors only. from and to as for the reports (by default the current school year); comments name no one.");
        api.MapGet("/reports/feedback", Report).RequireAuthorization(Policies.Editor).NeedsDatabase().WithTags("Reports (editors)")
            .WithName("FeedbackReport")
            .WithSummary("The materials and answers with the most \"no\" votes, with their reasons; votes per theme and per month")
            .WithDescription("Editors only. from and to as for the other reports; top (1 to 100, default 10) bounds the list.");
        return api;
    }

    internal static async Task<Results<Created<FeedbackTaken>, Ok<FeedbackTaken>, ValidationProblem, NotFoundProblem, UnprocessableProblem>>
        Vote(string slug, FeedbackRequest request, ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar,
            MaterialFeedback feedback, CancellationToken cancellationToken)
    {
        if (Invalid(request, out var comment) is { } invalid)
            return invalid;
        var member = user.ToStaffMember();
        if (VisibleMaterials.Find(library.Current, slug, member, calendar.Today) is not { } material)
            return Problems.NotFound("material", slug);
        var anchor = request.Anchor ?? "";
        if (anchor.Length > 0 && !material.Questions.Any(q => q.Anchor == anchor))
        {
            return Problems.Unprocessable("unknown-anchor", "The material has no such question.",
                $"'{slug}' has no FAQ question with the anchor '{anchor}'.");
        }
        var vote = new FeedbackVote(slug, anchor, request.Helpful!.Value, request.Reason, comment);
        var taken = new FeedbackTaken(slug, anchor, vote.Helpful, vote.Reason, vote.Comment);
        return await feedback.VoteAsync(member, vote, cancellationToken)
            ? TypedResults.Created($"/api/materials/{slug}/feedback", taken)
            : TypedResults.Ok(taken);
    }

    internal static async Task<Results<Ok<MyFeedback>, NotFoundProblem>> Mine(
        string slug, ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar, MaterialFeedback feedback,
        CancellationToken cancellationToken)
    {
        var member = user.ToStaffMember();
        if (VisibleMaterials.Find(library.Current, slug, member, calendar.Today) is null)
            return Problems.NotFound("material", slug);
        return TypedResults.Ok(new MyFeedback(slug, await feedback.MineAsync(member, slug, cancellationToken)));
    }

    internal static async Task<Results<Ok<MaterialFeedbackReport>, ValidationProblem, NotFoundProblem>> ForMaterial(
        string slug, string? from, string? to, ContentLibrary library, StaffCalendar calendar, FeedbackReports reports,
        CancellationToken cancellationToken)
    {
        if (ReportEndpoints.Invalid(from, to, null, calendar, out var period) is { } problem)
            return problem;
        var content = library.Current;
        if (!content.Materials.TryGetValue(slug, out var material))
            return Problems.NotFound("material", slug);
        return TypedResults.Ok(await reports.MaterialAsync(period, content, material, cancellationToken));
    }

    internal static async Task<Results<Ok<FeedbackReport>, ValidationProblem>> Report(
        string? from, string? to, [FromQuery] int? top, ContentLibrary library, StaffCalendar calendar, FeedbackReports reports,
        CancellationToken cancellationToken)
    {
        if (ReportEndpoints.Invalid(from, to, null, calendar, out var period) is { } problem)
            return problem;
        if (top is < 1 or > 100)
            return Problems.Invalid("top", "top must be between 1 and 100.");
        return TypedResults.Ok(await reports.PeriodAsync(period, library.Current, top ?? DefaultTop, cancellationToken));
    }

    /// <summary>The 400 for a vote that does not hold, each error with its stable code; the comment trimmed, null when empty.</summary>
    private static ValidationProblem? Invalid(FeedbackRequest request, out string? comment)
    {
        comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var errors = new FieldErrors();
        if (request.Helpful is null)
            errors.Add("helpful", "Say whether it was helpful: true or false.");
        else if (request.Helpful.Value && (request.Reason is not null || comment is not null))
            errors.Add(Coded("reason", "only-with-no", "A reason and a comment go with a no (helpful false) only."));
        else if (!request.Helpful.Value && request.Reason is null)
            errors.Add(Coded("reason", "reason-required", "A no needs a reason: " + string.Join(", ", FeedbackReasons.All) + "."));
        if (request.Reason is { } reason && !FeedbackReasons.All.Contains(reason))
        {
            errors.Add(Coded("reason", "unknown-reason",
                $"'{reason}' is not a reason; use one of {string.Join(", ", FeedbackReasons.All)}."));
        }
        // PostgreSQL refuses a NUL and Npgsql cannot encode half a surrogate pair: said, rather than a 500.
        if (comment is not null && ContentText.Unfit(comment) is { } fault)
            errors.Add(FieldError.Of("comment", fault));
        if (comment is { Length: > FeedbackReasons.MaxComment })
        {
            errors.Add(new FieldError("comment", "comment-too-long", $"A comment has at most {FeedbackReasons.MaxComment} characters.",
                new Dictionary<string, object>(StringComparer.Ordinal) { ["limit"] = FeedbackReasons.MaxComment }));
        }
        return errors.Problem("The vote is not valid.");
    }

    private static FieldError Coded(string field, string code, string message) =>
        FieldError.Of(field, message) with { Code = code };
}
