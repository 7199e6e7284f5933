using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using PocMaterials.Web.Options;
using PocMaterials.Content.Library;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Editors change the definitions through the API as they change materials: the taxonomy (with its
/// glossary and aliases), the contacts, the newsletter calendar and the themes. Each is its file as stored,
/// with an ETag, validated as on disk, versioned, and refused when it would break a material that uses it.
/// </summary>
public static class DefinitionPublishingEndpoints
{
    public static RouteGroupBuilder MapDefinitionPublishingEndpoints(this RouteGroupBuilder api)
    {
        var editors = api.MapGroup("").RequireAuthorization(Policies.Editor).WithTags("Publishing (editors)").Audited();
        MapFile(editors, "/taxonomy", "taxonomy", "text/yaml", files => Definition.Taxonomy(files.Location), removable: false);
        MapFile(editors, "/contacts", "contacts", "text/yaml", files => Definition.Contacts(files.Location), removable: false);
        MapFile(
            editors, "/newsletter/calendar", "newsletter calendar", "text/yaml", files => Definition.NewsletterCalendar(files.Location),
            removable: true);
        MapFile(editors, "/themes/{id}", "theme", "text/markdown", ThemeOf, removable: true);
        return api;
    }

    /// <summary>A theme id names a file, so it follows the slug rule: never a path.</summary>
    private static Definition? ThemeOf(DefinitionFiles files, HttpContext http) =>
        http.GetRouteValue("id") is string id && MaterialFiles.IsValidSlug(id) ? Definition.Theme(files.Location, id) : null;

    private static void MapFile(
        RouteGroupBuilder group, string pattern, string what, string mediaType, Func<DefinitionFiles, Definition> definition,
        bool removable) =>
        MapFile(group, pattern, what, mediaType, (files, _) => definition(files), removable);

    private static void MapFile(
        RouteGroupBuilder group, string pattern, string what, string mediaType, Func<DefinitionFiles, HttpContext, Definition?> definition,
        bool removable)
    {
        group.MapGet(pattern + "/source", Results<ContentHttpResult, NotFoundProblem> (HttpContext http, DefinitionFiles files) =>
            {
                if (definition(files, http) is not { } file || DefinitionFiles.Read(file) is not { } source)
                    return Problems.NotFound(what, At(http));
                http.Response.Headers.ETag = source.ETag;
                return TypedResults.Text(source.Text, $"{mediaType}; charset=utf-8");
            })
            .WithSummary($"The {what} file as stored, with its ETag")
            .Produces<string>(StatusCodes.Status200OK, mediaType);
        group.MapPut(pattern, async Task<Results<SavedFile, TooLargeProblem, UnsupportedMediaTypeProblem>> (
                HttpContext http, DefinitionFiles files, IOptions<ContentOptions> content, CancellationToken cancellationToken) =>
            {
                if (definition(files, http) is not { } file)
                    return (SavedFile)Problems.NotFound(what, At(http));
                if (PublishingAnswers.MediaType(http.Request) is not ("text/yaml" or "application/yaml" or "text/markdown" or "text/plain"))
                    return PublishingAnswers.UnsupportedMediaType(mediaType);
                var limit = content.Value.MaxFileBytes;
                if (await PublishingAnswers.ReadBodyAsync(http.Request, limit * 2, cancellationToken) is not { } text)
                    return PublishingAnswers.TooLarge(limit);
                var result = await files.WriteAsync(
                    file, text, PublishingAnswers.IfMatch(http), http.User.ToStaffMember().Subject, cancellationToken);
                return PublishingAnswers.Saved(http, result, what, At(http));
            })
            .NeedsDatabase()
            .WithSummary($"Create (no If-Match; 409 when it exists) or replace (If-Match: its ETag; 412 when stale) the {what} file "
                + $"({mediaType})")
            .WithDescription("Validated as on disk, and against everything that uses it: 422 lists every error and nothing is written. "
                + "Every change is kept as a version.");
        if (removable)
        {
            group.MapDelete(pattern, async Task<RemovedFile> (
                    HttpContext http, DefinitionFiles files, CancellationToken cancellationToken) =>
                {
                    if (definition(files, http) is not { } file)
                        return Problems.NotFound(what, At(http));
                    var author = http.User.ToStaffMember().Subject;
                    var result = await files.DeleteAsync(file, PublishingAnswers.IfMatch(http), author, cancellationToken);
                    return PublishingAnswers.Removed(result, what, At(http));
                })
                .NeedsDatabase()
                .WithSummary($"Remove the {what} (If-Match optional); 422 while materials or the calendar still use it");
        }
        group.MapPost(pattern + "/versions/{version:int}/restore", async Task<SavedFile> (
                int version, HttpContext http, DefinitionFiles files, CancellationToken cancellationToken) =>
            {
                if (definition(files, http) is not { } file)
                    return Problems.NotFound(what, At(http));
                var author = http.User.ToStaffMember().Subject;
                return await files.RestoreAsync(file, version, PublishingAnswers.IfMatch(http), author, cancellationToken) is { } result
                    ? PublishingAnswers.Saved(http, result, what, At(http))
                    : Problems.NotFound("version", $"{version} (a removal cannot be restored)");
            })
            .NeedsDatabase()
            .WithSummary($"Make an earlier version of the {what} current again, as a new version");
        group.MapVersions(pattern, http => definition(http.RequestServices.GetRequiredService<DefinitionFiles>(), http)?.Document);
    }

    /// <summary>Where the request was sent: a definition file is named by its address.</summary>
    private static string At(HttpContext http) => http.Request.Path.Value ?? "";
}
