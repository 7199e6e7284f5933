using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Reach.Tracking;
using PocMaterials.Web.Hosting;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

public static class MaterialEndpoints
{
    public static RouteGroupBuilder MapMaterialEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/materials/{slug}", GetMaterial)
            .WithName("GetMaterial")
            .WithSummary("One material with its body, questions, contact and related materials")
            .WithDescription("404 when the material does not exist or the caller may not see it.");
        return api;
    }

    /// <param name="source">How the viewer got here: direct (default), search, related or newsletter.</param>
    /// <param name="searchId">The searchId of the search whose hit was opened.</param>
    /// <param name="position">The 1-based position of that hit.</param>
    /// <param name="anchor">The FAQ question opened, if any.</param>
    internal static Results<Ok<MaterialResponse>, ProblemHttpResult, ValidationProblem> GetMaterial(
        string slug,
        ClaimsPrincipal user,
        ContentLibrary library,
        BrusselsCalendar calendar,
        ReachTracking tracking,
        [FromQuery] string? source,
        [FromQuery] Guid? searchId,
        [FromQuery] int? position,
        [FromQuery] string? anchor)
    {
        var errors = new Dictionary<string, string[]>();
        ViewSource? viewSource = source is null ? ViewSource.Direct : Enum.TryParse<ViewSource>(source, ignoreCase: true, out var parsed) && !int.TryParse(source, out _) ? parsed : null;
        if (viewSource is null)
            errors["source"] = [$"'{source}' is not a source; use direct, search, related or newsletter."];
        if (position is < 1)
            errors["position"] = ["position starts at 1."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "The material request is not valid.");

        var content = library.Current;
        var viewer = user.ToStaffMember();
        var today = calendar.Today;
        // Not visible and not existing answer alike, so a role cannot probe for materials it may not see.
        // Neither is recorded as a view.
        if (!content.Materials.TryGetValue(slug, out var material) || !material.IsVisibleTo(viewer, today))
            return NotFound("material", slug);
        var questionAnchor = material.Questions.Any(q => q.Anchor == anchor) ? anchor : null;
        tracking.MaterialViewed(viewer, slug, questionAnchor, viewSource!.Value, searchId, position);
        var related = RelatedMaterials.For(material, content.Materials.Values, viewer, today);
        return TypedResults.Ok(MaterialResponse.From(material, content, today, related));
    }

    internal static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} '{id}'.");
}
