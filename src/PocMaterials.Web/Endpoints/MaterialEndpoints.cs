using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
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

    internal static Results<Ok<MaterialResponse>, ProblemHttpResult> GetMaterial(
        string slug, ClaimsPrincipal user, ContentLibrary library, BrusselsCalendar calendar)
    {
        var content = library.Current;
        var viewer = user.ToStaffMember();
        var today = calendar.Today;
        // Not visible and not existing answer alike, so a role cannot probe for materials it may not see.
        if (!content.Materials.TryGetValue(slug, out var material) || !material.IsVisibleTo(viewer, today))
            return NotFound("material", slug);
        var related = RelatedMaterials.For(material, content.Materials.Values, viewer, today);
        return TypedResults.Ok(MaterialResponse.From(material, content, today, related));
    }

    internal static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.", detail: $"There is no {what} '{id}'.");
}
