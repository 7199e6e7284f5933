// What a write of an attachment answers; the checks before it answer the rest.
using AttachmentWritten = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<PocMaterials.Web.Endpoints.AttachmentResponse>,
    Microsoft.AspNetCore.Http.HttpResults.Ok<PocMaterials.Web.Endpoints.AttachmentResponse>,
    PocMaterials.Web.Api.TooLargeProblem,
    PocMaterials.Web.Api.UnsupportedMediaTypeProblem,
    PocMaterials.Web.Api.ConflictProblem,
    PocMaterials.Web.Api.PreconditionFailedProblem>;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using PocMaterials.Content.Library;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Attachments;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Files attached to a material (PDF, Office and OpenDocument files, images): uploaded by editors, served to
/// whoever may see the material, and to no one else (the same 404 as the material's).
/// </summary>
public static class AttachmentEndpoints
{
    /// <summary>The content types an attachment is served with.</summary>
    private static readonly string[] Served = [.. AttachmentTypes.All.Select(t => t.ContentType)];

    public static RouteGroupBuilder MapAttachmentEndpoints(this RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/materials/{slug}/attachments").WithTags("Attachments");
        attachments.MapGet("", List)
            .WithName("ListAttachments")
            .WithSummary("The material's attachments: name, size, content type, updated, url");
        attachments.MapGet("/{fileName}", Get)
            .WithName("GetAttachment")
            .WithSummary("The attached file, with its ETag (conditional and range requests)")
            .WithDescription("404 when the material does not exist or the caller may not see it.")
            .Produces<Stream>(StatusCodes.Status200OK, Served[0], Served[1..])
            .Produces<Stream>(StatusCodes.Status206PartialContent, Served[0], Served[1..])
            .Produces(StatusCodes.Status304NotModified)
            // Refused conditions and ranges are answered by the file result without a body; the status code pages write the problem.
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status416RangeNotSatisfiable);

        var editing = api.MapGroup("/materials/{slug}/attachments").RequireAuthorization(Policies.Editor).WithTags("Attachments (editors)")
            .Audited().NeedsDatabase();
        editing.MapPut("/{fileName}", Put)
            .WithName("PutAttachment")
            .WithSummary("Attach a file (no If-Match; 409 when it exists) or replace it (If-Match: its ETag; 412 when stale)")
            .WithDescription("Body: the file's bytes. Its type is told from the bytes and must agree with the name's extension (else 415); "
                + "over Attachments:MaxBytes is a 413.");
        editing.MapDelete("/{fileName}", Delete)
            .WithName("DeleteAttachment")
            .WithSummary("Remove an attachment (If-Match: its ETag, optional)");
        return api;
    }

    internal static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, PermanentRedirect, NotFoundProblem>> List(
        string slug,
        HttpContext http,
        ContentLibrary library,
        StaffCalendar calendar,
        AttachmentFiles files,
        MaterialRedirects redirects)
    {
        if (!MayReach(slug, http.User.ToStaffMember(), library, calendar, files))
        {
            return await RenamedAsync(slug, "/attachments", http, library, calendar, redirects) is { } moved
                ? moved
                : Problems.NotFound("material", slug);
        }
        return TypedResults.Ok<IReadOnlyList<AttachmentResponse>>(files.List(slug).Select(AttachmentResponse.From).ToList());
    }

    internal static async Task<Results<FileStreamHttpResult, PermanentRedirect, NotFoundProblem>> Get(
        string slug,
        string fileName,
        ContentLibrary library,
        StaffCalendar calendar,
        AttachmentFiles files,
        MaterialRedirects redirects,
        HttpContext http)
    {
        if (!MayReach(slug, http.User.ToStaffMember(), library, calendar, files))
        {
            var rest = $"/attachments/{Uri.EscapeDataString(fileName)}";
            return await RenamedAsync(slug, rest, http, library, calendar, redirects) is { } moved
                ? moved
                : Problems.NotFound("attachment", $"{slug}/{fileName}");
        }
        if (files.Open(slug, fileName) is not { } opened)
            return Problems.NotFound("attachment", $"{slug}/{fileName}");
        var attachment = opened.Attachment;
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Who may read it depends on the token: no shared cache keeps it, and a browser asks again (ETag) each time.
        headers.CacheControl = "private, no-cache";
        headers.ContentDisposition = new ContentDispositionHeaderValue(attachment.Type.ShownInline ? "inline" : "attachment")
        {
            FileName = attachment.Name,
        }.ToString();
        return TypedResults.Stream(opened.Stream, attachment.Type.ContentType,
            lastModified: attachment.Updated, entityTag: EntityTagHeaderValue.Parse(attachment.ETag), enableRangeProcessing: true);
    }

    internal static async Task<Results<AttachmentWritten, ValidationProblem, NotFoundProblem, TooLargeProblem, UnsupportedMediaTypeProblem>>
        Put(string slug, string fileName, HttpContext http, ContentLibrary library, AttachmentFiles files,
            CancellationToken cancellationToken)
    {
        if (InvalidNames(slug, fileName) is { } invalid)
            return invalid;
        if (AttachmentTypes.OfFileName(fileName) is null)
        {
            return Problems.UnsupportedMediaType(
                "This kind of file is not accepted.", $"'{fileName}': attach {AttachmentTypes.Extensions} files.");
        }
        // Attachments belong to a material: none is created for a slug that has none (a typo would hide it).
        if (!library.Current.Materials.ContainsKey(slug))
            return Problems.NotFound("material", slug);
        if (http.Request.ContentLength > files.MaxBytes)
            return TooLarge(files.MaxBytes);
        // Kestrel cuts a body without a length at the limit too; the copy stops there by itself on any server.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = files.MaxBytes;
        var ifMatch = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        AttachmentWrite result;
        try
        {
            result = await files.WriteAsync(slug, fileName, http.Request.Body, ifMatch, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(files.MaxBytes);
        }
        if (result.Attachment is { } written)
            http.Response.Headers.ETag = written.ETag;
        return Written(result, slug, fileName, files.MaxBytes);
    }

    private static AttachmentWritten Written(AttachmentWrite result, string slug, string fileName, long maxBytes) => result.Outcome switch
    {
        AttachmentOutcome.Created =>
            TypedResults.Created(AttachmentResponse.UrlOf(slug, fileName), AttachmentResponse.From(result.Attachment!)),
        AttachmentOutcome.Replaced => TypedResults.Ok(AttachmentResponse.From(result.Attachment!)),
        AttachmentOutcome.TooLarge => TooLarge(maxBytes),
        AttachmentOutcome.WrongType => Problems.UnsupportedMediaType("The file is not what its name says, or of no accepted kind.",
            $"'{fileName}' must be {AttachmentTypes.OfFileName(fileName)!.Description}; its bytes are {result.Detected}. "
                + "Nothing was written.",
            code: "wrong-type"),
        AttachmentOutcome.Exists => Problems.Exists($"Attachment '{slug}/{fileName}' exists.",
            "To replace it, send If-Match with its ETag (from GET or the list of attachments)."),
        _ => Stale(slug, fileName),
    };

    internal static async Task<Results<NoContent, ValidationProblem, NotFoundProblem, PreconditionFailedProblem>> Delete(
        string slug,
        string fileName,
        HttpContext http,
        ContentLibrary library,
        StaffCalendar calendar,
        AttachmentFiles files,
        CancellationToken cancellationToken)
    {
        if (InvalidNames(slug, fileName) is { } invalid)
            return invalid;
        if (!MayReach(slug, http.User.ToStaffMember(), library, calendar, files))
            return Problems.NotFound("material", slug);
        var ifMatch = http.Request.Headers.IfMatch.ToString() is { Length: > 0 } tag ? tag : null;
        return (await files.DeleteAsync(slug, fileName, ifMatch, cancellationToken)).Outcome switch
        {
            AttachmentOutcome.Deleted => TypedResults.NoContent(),
            AttachmentOutcome.NotFound => Problems.NotFound("attachment", $"{slug}/{fileName}"),
            _ => Stale(slug, fileName),
        };
    }

    /// <summary>
    /// The material is there and the caller may see it. Editors also reach the attachments a removed material
    /// left (kept, so that restoring the material brings them back; an editor may delete them).
    /// </summary>
    private static bool MayReach(string slug, StaffMember viewer, ContentLibrary library, StaffCalendar calendar, AttachmentFiles files) =>
        library.Current.Materials.TryGetValue(slug, out var material)
            ? material.IsVisibleTo(viewer, calendar.Today)
            : viewer.IsEditor && files.HasAny(slug);

    /// <summary>Attachments went along with a renamed material: its old slug's addresses redirect as the material's does.</summary>
    private static Task<PermanentRedirect?> RenamedAsync(
        string slug, string rest, HttpContext http, ContentLibrary library, StaffCalendar calendar, MaterialRedirects redirects) =>
        MaterialEndpoints.RedirectRenamedAsync(slug, rest, http, http.User.ToStaffMember(), library.Current, calendar.Today, redirects);

    private static ValidationProblem? InvalidNames(string slug, string fileName)
    {
        var errors = new FieldErrors();
        if (!MaterialFiles.IsValidSlug(slug))
            errors.Add(FieldError.InvalidSlug("slug", slug));
        if (AttachmentNames.Problem(fileName) is { } problem)
            errors.Add("fileName", problem);
        return errors.Problem("The attachment's place is not valid.");
    }

    private static PreconditionFailedProblem Stale(string slug, string fileName) => Problems.Stale(
        $"Attachment '{slug}/{fileName}' changed since you read it.",
        "Read its ETag again (GET or the list of attachments) and send it in If-Match.");

    private static TooLargeProblem TooLarge(long limit) =>
        Problems.TooLarge("The attachment is too large.", $"An attachment may be at most {limit:N0} bytes (Attachments:MaxBytes).");
}
