using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PocMaterials.Content.Publishing;
using PocMaterials.Publishing.Materials;
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
    public sealed record MaterialFields(Dictionary<string, JsonElement>? Fields, string? Body);

    public static RouteGroupBuilder MapMaterialPublishingEndpoints(this RouteGroupBuilder api)
    {
        var materials = api.MapGroup("/materials").RequireAuthorization(Policies.Editor).WithTags("Publishing (editors)").Audited();
        materials.MapGet("/{slug}/source", Source).WithName("GetMaterialSource").WithSummary("The material's file as stored, with its ETag");
        materials.MapPut("/{slug}", Put).WithName("PutMaterial")
            .WithSummary("Create (no If-Match; 409 when it exists) or replace (If-Match: its ETag; 412 when stale) a material")
            .WithDescription("Body: the Markdown file (text/markdown), or {\"fields\": {...}, \"body\": \"...\"} (application/json). Validated as files on disk are: 422 lists every error and nothing is written.");
        materials.MapDelete("/{slug}", Delete).WithName("DeleteMaterial").WithSummary("Remove a material (If-Match: its ETag, optional)");
        return api;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Source(string slug, MaterialFiles files, HttpContext http)
    {
        if (!MaterialFiles.IsValidSlug(slug) || files.Read(slug) is not { } source)
            return MaterialEndpoints.NotFound("material", slug);
        http.Response.Headers.ETag = source.ETag;
        return TypedResults.Text(source.Text, "text/markdown; charset=utf-8");
    }

    internal static async Task<IResult> Put(string slug, HttpContext http, MaterialFiles files, IOptions<ContentOptions> content, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return InvalidSlug(slug);
        var limit = content.Value.MaxFileBytes;
        // Refused before it is read whole: a length over the limit, or a body that turns out longer.
        if (http.Request.ContentLength > limit * 2)
            return TooLarge(limit);
        var text = await ReadAsync(http.Request, limit * 2, cancellationToken);
        if (text is null)
            return TooLarge(limit);
        var mediaType = http.Request.ContentType is { } type ? MediaTypeHeaderValue.Parse(type).MediaType.Value : null;
        string markdown;
        switch (mediaType)
        {
            case "text/markdown" or "text/plain":
                markdown = text;
                break;
            case "application/json":
                if (FromJson(text) is not { } written)
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send {\"fields\": {\"title\": \"...\", ...}, \"body\": \"Markdown\"}: field values are texts or lists of texts."] });
                markdown = written;
                break;
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send text/markdown or application/json.");
        }
        var ifMatch = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        var result = await files.WriteAsync(slug, markdown, ifMatch, cancellationToken);
        if (result.ETag is not null && result.Outcome is WriteOutcome.Created or WriteOutcome.Replaced)
            http.Response.Headers.ETag = result.ETag;
        return result.Outcome switch
        {
            WriteOutcome.Created => TypedResults.Created($"/api/materials/{slug}", new { slug }),
            WriteOutcome.Replaced => TypedResults.Ok(new { slug }),
            // 422: the request is well formed, the material it carries is not.
            WriteOutcome.Invalid => TypedResults.Problem(new HttpValidationProblemDetails(
                result.Errors!.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => $"line {e.Line}: {e.Message}").ToArray()))
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The material is not valid; nothing was written.",
            }),
            WriteOutcome.Exists => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Material '{slug}' exists.",
                detail: "To replace it, send If-Match with the ETag of the version you edited (GET .../source)."),
            _ => Stale(slug),
        };
    }

    internal static async Task<IResult> Delete(string slug, HttpContext http, MaterialFiles files, CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return InvalidSlug(slug);
        var ifMatch = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        return (await files.DeleteAsync(slug, ifMatch, cancellationToken)).Outcome switch
        {
            WriteOutcome.Deleted => TypedResults.NoContent(),
            WriteOutcome.NotFound => MaterialEndpoints.NotFound("material", slug),
            _ => Stale(slug),
        };
    }

    private static string? FromJson(string json)
    {
        try
        {
            var request = JsonSerializer.Deserialize<MaterialFields>(json, JsonSerializerOptions.Web);
            if (request?.Fields is null)
                return null;
            var fields = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, value) in request.Fields)
            {
                fields[name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString()!,
                    JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => value.EnumerateArray().Select(v => v.GetString()!).ToList(),
                    _ => throw new JsonException($"{name} is not a text or a list of texts"),
                };
            }
            return MaterialMarkdown.Write(fields, request.Body ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>The body as text, or null when it is longer than <paramref name="maxBytes"/>.</returns>
    private static async Task<string?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
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

    private static ProblemHttpResult Stale(string slug) => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed,
        title: $"Material '{slug}' changed since you read it.", detail: "Read it again (GET .../source), apply your edit to that version and send its ETag in If-Match.");

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The material is too large.", detail: $"A material may be at most {limit:N0} bytes (Content:MaxFileBytes).");

    private static ValidationProblem InvalidSlug(string slug) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["slug"] = [$"'{slug}' is not a slug: lower-case letters and digits in words joined by hyphens, at most 100 characters."],
    });
}
