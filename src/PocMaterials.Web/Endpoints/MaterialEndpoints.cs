using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Attachments;
using Microsoft.AspNetCore.Mvc;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Materials;
using PocMaterials.Reach.Tracking;
using PocMaterials.Search.Querying;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

public static class MaterialEndpoints
{
    public static RouteGroupBuilder MapMaterialEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/materials/{slug}", GetMaterial)
            .WithName("GetMaterial")
            .WithSummary("One material with its body, questions, contact, related materials and attachments")
            .WithDescription("404 when the material does not exist or the caller may not see it; "
                + "400 when a tracking parameter (source, searchId, position) does not hold.");
        return api;
    }

    /// <summary>The tracking query parameters of a material view.</summary>
    /// <param name="Source">How the viewer got here: direct (default), search, related, newsletter or helpdesk.</param>
    /// <param name="SearchId">With source=search: the searchId that the viewer's search gave, whose hit was opened.</param>
    /// <param name="Position">With source=search: the 1-based position of that hit.</param>
    /// <param name="Anchor">The FAQ question opened, if any.</param>
    internal sealed record MaterialViewParameters(
        [FromQuery(Name = "source")] string? Source,
        [FromQuery(Name = "searchId")] Guid? SearchId,
        [FromQuery(Name = "position")] int? Position,
        [FromQuery(Name = "anchor")] string? Anchor);

    /// <summary>The services a material view uses.</summary>
    internal sealed record MaterialServices(
        ContentLibrary Library,
        StaffCalendar Calendar,
        ReachTracking Tracking,
        MaterialRedirects Redirects,
        AttachmentFiles Attachments);

    internal static async Task<Results<Ok<MaterialResponse>, PermanentRedirect, NotFoundProblem, ValidationProblem>> GetMaterial(
        string slug,
        HttpContext http,
        ClaimsPrincipal user,
        [AsParameters] MaterialServices services,
        [AsParameters] MaterialViewParameters parameters)
    {
        var (library, calendar, tracking, redirects, attachments) = services;
        var (source, searchId, position, anchor) = parameters;
        var viewer = user.ToStaffMember();
        // Tracking parameters that do not hold are a client's bug: 400, rather than a view recorded wrongly.
        var errors = new FieldErrors();
        var viewSource = source is null ? ViewSource.Direct : SourceNamed(source);
        if (viewSource is null)
            errors.Add("source", $"'{source}' is not a source; use one of direct, search, related, newsletter or helpdesk.");
        if (position is < 1 or > MaterialSearchRequest.MaxResultWindow)
            errors.Add("position", $"position is the 1-based position of a search hit: from 1 to {MaterialSearchRequest.MaxResultWindow}.");
        else if (position is not null && viewSource is not (null or ViewSource.Search))
            errors.Add("position", "position goes with source=search only.");
        if (searchId is not null && viewSource is not (null or ViewSource.Search))
            errors.Add("searchId", "searchId goes with source=search only.");
        else if (searchId is { } id && !tracking.IsSearchOf(viewer, id))
            errors.Add("searchId", $"'{id}' is not the searchId of a search of yours.");
        if (errors.Problem("The material request is not valid.") is { } invalid)
            return invalid;

        var content = library.Current;
        var today = calendar.Today;
        // Not visible and not existing answer alike, so a role cannot probe for materials it may not see.
        // Neither is recorded as a view.
        if (!content.Materials.TryGetValue(slug, out var material))
        {
            return await RedirectRenamedAsync(slug, "", http, viewer, content, today, redirects) is { } moved
                ? moved
                : Problems.NotFound("material", slug);
        }
        if (!material.IsVisibleTo(viewer, today))
            return Problems.NotFound("material", slug);
        var questionAnchor = material.Questions.Any(q => q.Anchor == anchor) ? anchor : null;
        tracking.MaterialViewed(viewer, slug, questionAnchor, viewSource!.Value, searchId, position);
        var related = RelatedMaterials.For(material, content.Materials.Values, viewer, today);
        return TypedResults.Ok(MaterialResponse.From(material, content, today, related, attachments.List(slug)));
    }

    /// <summary>
    /// A renamed material answers at its old slug with a redirect to the same address under its new one
    /// (<paramref name="rest"/> follows the slug: its attachments), to whoever may see it there; null when there is none
    /// to give.
    /// </summary>
    internal static async Task<PermanentRedirect?> RedirectRenamedAsync(
        string slug,
        string rest,
        HttpContext http,
        StaffMember viewer,
        ContentSnapshot content,
        DateOnly today,
        MaterialRedirects redirects)
    {
        return await RenamedAsync(slug, redirects, http.RequestAborted) is { } target
            && content.Materials.TryGetValue(target, out var renamed)
            && renamed.IsVisibleTo(viewer, today)
            ? new PermanentRedirect($"/api/materials/{target}{rest}{http.Request.QueryString}")
            : null;
    }

    /// <summary>The redirect of a renamed slug; none while the database is away, so the material bank keeps answering.</summary>
    private static async Task<string?> RenamedAsync(string slug, MaterialRedirects redirects, CancellationToken cancellationToken)
    {
        try
        {
            return await redirects.TargetAsync(slug, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return null;
        }
    }

    /// <summary>Exactly one source, by name in any case: not a number, not a combination such as "search,related".</summary>
    private static ViewSource? SourceNamed(string source) =>
        Enum.GetValues<ViewSource>()
            .Select(s => (ViewSource?)s)
            .FirstOrDefault(s => string.Equals(s.ToString(), source, StringComparison.OrdinalIgnoreCase));
}
