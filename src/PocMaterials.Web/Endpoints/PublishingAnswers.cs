using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Versions;

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

    /// <summary>The answer to a write: 201/200/204 with the new ETag, or the problem that stopped it.</summary>
    public static IResult Written(HttpContext http, WriteResult result, string what, string location)
    {
        if (result.ETag is not null && result.Outcome is WriteOutcome.Created or WriteOutcome.Replaced)
            http.Response.Headers.ETag = result.ETag;
        return result.Outcome switch
        {
            WriteOutcome.Created => TypedResults.Created(location, new { version = result.Version }),
            WriteOutcome.Replaced => TypedResults.Ok(new { version = result.Version }),
            WriteOutcome.Deleted => TypedResults.NoContent(),
            WriteOutcome.NotFound => Problems.NotFound(what, location),
            // 422: the request is well formed, the file it carries is not (or would break others).
            WriteOutcome.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(ByField(result.Errors!))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = $"The {what} is not valid; nothing was written.",
            }),
            WriteOutcome.Exists => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"The {what} exists.",
                detail: "To replace it, send If-Match with the ETag of the version you edited (GET .../source)."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: $"The {what} changed since you read it.",
                detail: "Read it again (GET .../source), apply your edit to that version and send its ETag in If-Match."),
        };
    }

    /// <summary>Content errors as a validation problem's errors: by field, each "file line N: message".</summary>
    public static Dictionary<string, string[]> ByField(IEnumerable<Content.ContentError> errors) =>
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => $"{e.File} line {e.Line}: {e.Message}").ToArray());

    public static string NotASlug(string slug) =>
        $"'{slug}' is not a slug: lower-case letters and digits in words joined by hyphens, at most 100 characters, and no Windows device name (con, nul, aux, com1, ...).";

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.", detail: $"A content file may be at most {limit:N0} bytes (Content:MaxFileBytes).");

    public static ProblemHttpResult UnsupportedMediaType(string expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: $"Send {expected}.");

    /// <summary>Versions, one version's file, a diff between two, for the document a route names.</summary>
    public static RouteGroupBuilder MapVersions(this RouteGroupBuilder group, string pattern, Func<HttpContext, string?> document)
    {
        group.MapGet(pattern + "/versions", async (HttpContext http, ContentVersions versions, CancellationToken cancellationToken) =>
                document(http) is { } name ? (IResult)TypedResults.Ok(await versions.ListAsync(name, cancellationToken)) : NotAName(http))
            .WithSummary("Its versions, newest first: number, author ('file system' for a change on disk), time, summary; a removal has no ETag")
            .Produces<IReadOnlyList<ContentVersion>>();
        group.MapGet(pattern + "/versions/{version:int}", async (int version, HttpContext http, ContentVersions versions, CancellationToken cancellationToken) =>
            {
                if (document(http) is not { } name)
                    return NotAName(http);
                if (await versions.GetAsync(name, version, cancellationToken) is not { } found)
                    return Problems.NotFound("version", $"{name} {version}");
                return found.Text is null
                    ? TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: $"Version {version} removed the file.")
                    : TypedResults.Text(found.Text, "text/plain; charset=utf-8");
            })
            .WithSummary("The file as one version wrote it");
        group.MapGet(pattern + "/diff", async (int from, int? to, HttpContext http, ContentVersions versions, CancellationToken cancellationToken) =>
            {
                if (document(http) is not { } name)
                    return NotAName(http);
                var list = await versions.ListAsync(name, cancellationToken);
                var target = to ?? (list.Count > 0 ? list[0].Number : 0);
                if (await versions.GetAsync(name, from, cancellationToken) is not { } a)
                    return Problems.NotFound("version", $"{name} {from}");
                if (await versions.GetAsync(name, target, cancellationToken) is not { } b)
                    return Problems.NotFound("version", $"{name} {target}");
                return TypedResults.Text(TextDiff.Unified($"{name} version {from}", a.Text, $"{name} version {target}", b.Text), "text/x-diff; charset=utf-8");
            })
            .WithSummary("A unified diff between two versions (to: default the latest)");
        return group;
    }

    private static IResult NotAName(HttpContext http) => Problems.NotFound("file", http.Request.Path.Value ?? "");
}
