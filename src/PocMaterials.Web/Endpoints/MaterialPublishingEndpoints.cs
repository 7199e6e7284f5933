using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Attachments;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Editors publish through the API: create or replace a material from Markdown with front matter
/// (text/markdown) or from fields and a body (application/json), read its file, delete it. Every read
/// carries an ETag; a replace or delete names it in If-Match, so two editors never overwrite each other.
/// </summary>
public static class MaterialPublishingEndpoints
{
    public sealed record RenameRequest(string? Slug);

    /// <summary>How a chosen role would see a material: whether at all, why not, and the material as served.</summary>
    public sealed record MaterialPreview(bool Visible, string? Reason, MaterialResponse Material);

    public static RouteGroupBuilder MapMaterialPublishingEndpoints(this RouteGroupBuilder api)
    {
        var materials = api.MapGroup("/materials").RequireAuthorization(Policies.Editor).WithTags("Publishing (editors)").Audited();
        materials.MapGet("/{slug}/source", Source)
            .WithName("GetMaterialSource")
            .WithSummary("The material's file as stored, with its ETag")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown");
        materials.MapPut("/{slug}", Put)
            .WithName("PutMaterial")
            .NeedsDatabase()
            .WithSummary("Create (no If-Match; 409 when it exists) or replace (If-Match: its ETag; 412 when stale) a material")
            .WithDescription("Body: the Markdown file (text/markdown), or {\"fields\": {...}, \"body\": \"...\"} (application/json). "
                + "Validated as files on disk are: 422 lists every error and nothing is written. Every change is kept as a version.");
        materials.MapDelete("/{slug}", Delete)
            .WithName("DeleteMaterial")
            .NeedsDatabase()
            .WithSummary("Remove a material (If-Match: its ETag, optional); its versions are kept");
        materials.MapPost("/{slug}/rename", Rename)
            .WithName("RenameMaterial")
            .NeedsDatabase()
            .WithSummary("Give a material a new slug ({\"slug\": \"new\"}); its versions and reach move along, "
                + "and the old slug redirects (308) to the new one");
        materials.MapPost("/{slug}/versions/{version:int}/restore", Restore)
            .WithName("RestoreMaterialVersion")
            .NeedsDatabase()
            .WithSummary("Make an earlier version current again, as a new version (If-Match optional)");
        materials.MapVersions("/{slug}", http =>
            http.GetRouteValue("slug") is string slug && MaterialFiles.IsValidSlug(slug) ? MaterialFiles.Document(slug) : null);
        materials.MapMaterialFormEndpoints();
        materials.MapGet("/{slug}/preview", Preview)
            .WithName("PreviewMaterial")
            .WithSummary("The material as a staff member with the given role (and centre) would see it today, and why they would not");
        api.MapMaterialCheckEndpoint();
        return api;
    }

    internal static Results<ContentHttpResult, NotFoundProblem> Source(string slug, MaterialFiles files, HttpContext http)
    {
        if (!MaterialFiles.IsValidSlug(slug) || files.Read(slug) is not { } source)
            return Problems.NotFound("material", slug);
        http.Response.Headers.ETag = source.ETag;
        return TypedResults.Text(source.Text, "text/markdown; charset=utf-8");
    }

    internal static async Task<Results<SavedFile, ValidationProblem, TooLargeProblem, UnsupportedMediaTypeProblem>> Put(
        string slug,
        HttpContext http,
        MaterialFiles files,
        IOptions<ContentOptions> content,
        StaffCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return Problems.InvalidSlug("slug", slug);
        var limit = content.Value.MaxFileBytes;
        // Twice the limit is read, so the 422 can say by how much a file is too large; beyond that it is refused unread.
        var text = await PublishingAnswers.ReadBodyAsync(http.Request, limit * 2, cancellationToken);
        if (text is null)
            return PublishingAnswers.TooLarge(limit);
        var ifMatch = PublishingAnswers.IfMatch(http);
        var author = http.User.ToStaffMember().Subject;
        WriteResult result;
        switch (PublishingAnswers.MediaType(http.Request))
        {
            case "text/markdown" or "text/plain":
                result = await files.WriteAsync(slug, text, ifMatch, author, cancellationToken);
                break;
            case "application/json":
                if (MaterialFieldsRequest.Read(text) is not { } request)
                {
                    return Problems.Invalid("body",
                        "Send {\"fields\": {\"title\": \"...\", ...}, \"body\": \"Markdown\"}: field values are texts or lists of texts.");
                }
                if (request.Source is not null)
                    return Problems.Invalid("source", "Only the check takes a source: a PUT edits the version If-Match names.");
                var (fields, errors) = request.Values(calendar.Today);
                if (errors.Problem() is { } invalid)
                    return invalid;
                result = await files.WriteFieldsAsync(slug, fields, request.Body, ifMatch, author, cancellationToken);
                break;
            default:
                return PublishingAnswers.UnsupportedMediaType("text/markdown or application/json");
        }
        return PublishingAnswers.Saved(http, result, "material", $"/api/materials/{slug}");
    }

    internal static async Task<Results<RemovedFile, ValidationProblem>> Delete(
        string slug, HttpContext http, MaterialFiles files, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return Problems.InvalidSlug("slug", slug);
        var result = await files.DeleteAsync(slug, PublishingAnswers.IfMatch(http), http.User.ToStaffMember().Subject, cancellationToken);
        return PublishingAnswers.Removed(result, "material", slug);
    }

    internal static async Task<Results<SavedFile, ValidationProblem>> Rename(
        string slug, RenameRequest request, HttpContext http, MaterialFiles files, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return Problems.InvalidSlug("slug", slug);
        if (request.Slug is not { } newSlug || !MaterialFiles.IsValidSlug(newSlug))
            return Problems.InvalidSlug("body.slug", request.Slug ?? "");
        if (newSlug == slug)
            return Problems.Invalid("body.slug", "The new slug is the slug the material has.");
        var result = await files.RenameAsync(
            slug, newSlug, PublishingAnswers.IfMatch(http), http.User.ToStaffMember().Subject, cancellationToken);
        var location = result.Outcome == WriteOutcome.NotFound ? slug : $"/api/materials/{newSlug}";
        return PublishingAnswers.Saved(http, result, "material", location);
    }

    internal static async Task<Results<SavedFile, ValidationProblem>> Restore(
        string slug, int version, HttpContext http, MaterialFiles files, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return Problems.InvalidSlug("slug", slug);
        var author = http.User.ToStaffMember().Subject;
        if (await files.RestoreAsync(slug, version, PublishingAnswers.IfMatch(http), author, cancellationToken) is not { } result)
            return (SavedFile)Problems.NotFound("version", $"{slug} {version} (a removal cannot be restored)");
        return PublishingAnswers.Saved(http, result, "material", $"/api/materials/{slug}");
    }

    internal static Results<Ok<MaterialPreview>, NotFoundProblem, ValidationProblem> Preview(
        string slug, string? role, string? centre, ContentLibrary library, StaffCalendar calendar, AttachmentFiles attachments)
    {
        var content = library.Current;
        var roleId = role ?? StaffRoles.Everyone;
        if (!content.Taxonomy.Roles.Contains(roleId))
            return Problems.UnknownTerm("role", [$"'{roleId}' is not a role of taxonomy.yml."]);
        if (centre is not null && !content.Taxonomy.Centres.Contains(centre))
            return Problems.UnknownTerm("centre", [$"'{centre}' is not a centre of taxonomy.yml."]);
        if (!content.Materials.TryGetValue(slug, out var material))
            return Problems.NotFound("material", slug);
        var viewer = new StaffMember("preview", [roleId], centre);
        var today = calendar.Today;
        var visible = material.IsVisibleTo(viewer, today);
        string? reason = visible ? null
            : material.Status == MaterialStatus.Draft ? "It is a draft: only editors see it."
            : material.Published > today ? $"It is scheduled: visible from {material.Published:yyyy-MM-dd}."
            : $"It is for {string.Join(", ", material.Roles)} only.";
        var related = RelatedMaterials.For(material, content.Materials.Values, viewer, today);
        var served = MaterialResponse.From(material, content, today, related, attachments.List(slug));
        return TypedResults.Ok(new MaterialPreview(visible, reason, served));
    }
}
