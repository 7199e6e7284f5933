// The answers of content file writes, shared by the material and the definition endpoints: one name for each long type.
global using SavedFile = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<PocMaterials.Web.Endpoints.FileVersion>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<PocMaterials.Web.Endpoints.FileVersion>,
    PocMaterials.Web.Api.NotFoundProblem,
    PocMaterials.Web.Api.ConflictProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
global using RemovedFile = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.NoContent,
    PocMaterials.Web.Api.NotFoundProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem,
    PocMaterials.Web.Api.UnprocessableProblem>;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Versions;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>What every publishing endpoint reads from a request and answers alike: bodies, If-Match, outcomes, versions.</summary>
internal static class PublishingAnswers
{
    public static string? IfMatch(HttpContext http) => http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;

    public static string MediaType(HttpRequest request) =>
        request.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var parsed) ? parsed.MediaType.Value ?? "" : "";

    /// <summary>The body as text, refused before it is read whole when longer than <paramref name="maxBytes"/> (null).</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The answer to a create, replace, rename or restore: 201/200 with the new ETag, or the problem that stopped it.</summary>
    public static SavedFile Saved(HttpContext http, WriteResult result, string what, string location)
    {
        if (result.ETag is not null && result.Outcome is WriteOutcome.Created or WriteOutcome.Replaced)
            http.Response.Headers.ETag = result.ETag;
        return result.Outcome switch
        {
            WriteOutcome.Created => TypedResults.Created(location, new FileVersion(result.Version)),
            WriteOutcome.Replaced => TypedResults.Ok(new FileVersion(result.Version)),
            WriteOutcome.NotFound => Problems.NotFound(what, location),
            // 422: the request is well formed, the file it carries is not (or would break others).
            WriteOutcome.Invalid => Problems.InvalidContent(what, result.Errors!),
            WriteOutcome.Exists => Exists(what),
            _ => Stale(what),
        };
    }

    /// <summary>The answer to a removal: 204, or the problem that stopped it.</summary>
    public static RemovedFile Removed(WriteResult result, string what, string location) => result.Outcome switch
    {
        WriteOutcome.Deleted => TypedResults.NoContent(),
        WriteOutcome.NotFound => Problems.NotFound(what, location),
        WriteOutcome.Invalid => Problems.InvalidContent(what, result.Errors!),
        _ => Stale(what),
    };

    public static TooLargeProblem TooLarge(long limit) =>
        Problems.TooLarge("The file is too large.", $"A content file may be at most {limit:N0} bytes (Content:MaxFileBytes).");

    public static UnsupportedMediaTypeProblem UnsupportedMediaType(string expected) => Problems.UnsupportedMediaType($"Send {expected}.");

    /// <summary>Versions, one version's file, a diff between two, for the document a route names.</summary>
    public static RouteGroupBuilder MapVersions(this RouteGroupBuilder group, string pattern, Func<HttpContext, string?> document)
    {
        group.MapGet(pattern + "/versions", async Task<Results<Ok<IReadOnlyList<ContentVersion>>, NotFoundProblem>> (
                HttpContext http, ContentVersions versions, StaffNames names, CancellationToken cancellationToken) =>
            {
                if (document(http) is not { } name)
                    return NotAName(http);
                var list = await versions.ListAsync(name, cancellationToken);
                var authors = await names.NamesOfAsync(list.Select(v => v.Author), cancellationToken);
                return TypedResults.Ok<IReadOnlyList<ContentVersion>>(
                    [.. list.Select(v => v with { AuthorName = authors.GetValueOrDefault(v.Author) })]);
            })
            .WithSummary("Its versions, newest first: number, author ('file system' for a change on disk) and their name, time, "
                + "summary; a removal has no ETag")
            .NeedsDatabase();
        group.MapGet(pattern + "/versions/{version:int}", async Task<Results<ContentHttpResult, NotFoundProblem, GoneProblem>> (
                int version, HttpContext http, ContentVersions versions, CancellationToken cancellationToken) =>
            {
                if (document(http) is not { } name)
                    return NotAName(http);
                if (await versions.GetAsync(name, version, cancellationToken) is not { } found)
                    return Problems.NotFound("version", $"{name} {version}");
                return found.Text is null
                    ? Problems.Gone($"Version {version} removed the file.")
                    : TypedResults.Text(found.Text, "text/plain; charset=utf-8");
            })
            .WithSummary("The file as one version wrote it")
            .NeedsDatabase()
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        group.MapGet(pattern + "/diff", async Task<Results<ContentHttpResult, NotFoundProblem>> (
                int from, int? to, HttpContext http, ContentVersions versions, CancellationToken cancellationToken) =>
            {
                if (document(http) is not { } name)
                    return NotAName(http);
                var list = await versions.ListAsync(name, cancellationToken);
                var target = to ?? (list.Count > 0 ? list[0].Number : 0);
                if (await versions.GetAsync(name, from, cancellationToken) is not { } a)
                    return Problems.NotFound("version", $"{name} {from}");
                if (await versions.GetAsync(name, target, cancellationToken) is not { } b)
                    return Problems.NotFound("version", $"{name} {target}");
                var diff = TextDiff.Unified($"{name} version {from}", a.Text, $"{name} version {target}", b.Text);
                return TypedResults.Text(diff, "text/x-diff; charset=utf-8");
            })
            .WithSummary("A unified diff between two versions (to: default the latest)")
            .NeedsDatabase()
            .Produces<string>(StatusCodes.Status200OK, "text/x-diff")
            // from is required and both are numbers: a request without one that binds is refused before the handler.
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    private static NotFoundProblem NotAName(HttpContext http) => Problems.NotFound("file", http.Request.Path.Value ?? "");

    public static ConflictProblem Exists(string what) => Problems.Exists($"The {what} exists.",
        "To replace it, send If-Match with the ETag of the version you edited (GET .../source).");

    public static PreconditionFailedProblem Stale(string what) => Problems.Stale($"The {what} changed since you read it.",
        "Read it again (GET .../source), apply your edit to that version and send its ETag in If-Match.");
}

/// <summary>The version a write made.</summary>
public sealed record FileVersion(int? Version);
