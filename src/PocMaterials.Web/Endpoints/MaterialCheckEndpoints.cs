using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Publishing;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;
using static PocMaterials.Web.Endpoints.MaterialFormEndpoints;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// The editor's live check: a material's file, or its form's fields and body, validated as a PUT would and its body
/// rendered as the material page will, writing nothing. Between the two it also translates, so the form's "Bron" toggle
/// goes through the server's own reading and writing of files, never through YAML written by the page.
/// </summary>
public static class MaterialCheckEndpoints
{
    /// <param name="Errors">
    /// What a PUT of this text would be refused for (as its 422 lists them); empty when it would be taken.
    /// </param>
    /// <param name="FieldErrors">The same errors one by one, each with its field, code, line and values.</param>
    /// <param name="Html">The body as the material page would show it, whatever the front matter holds.</param>
    /// <param name="Text">For fields (application/json): the file they make, as an edit of <c>source</c>.</param>
    /// <param name="Form">
    /// For a file (text/markdown): its fields and body as the form edits them; null when its front matter does not parse.
    /// </param>
    public sealed record MaterialCheck(
        bool Valid,
        IReadOnlyDictionary<string, string[]> Errors,
        IReadOnlyList<FieldError> FieldErrors,
        string Html,
        string? Text,
        MaterialForm? Form);

    internal static RouteGroupBuilder MapMaterialCheckEndpoint(this RouteGroupBuilder api)
    {
        // Not audited: it changes nothing, and the editor page sends one at every pause in typing.
        api.MapGroup("/materials")
            .RequireAuthorization(Policies.Editor)
            .WithTags("Publishing (editors)")
            .MapPost("/{slug}/check", Check)
            .WithName("CheckMaterial")
            .DocumentsBody("text/markdown", "application/json")
            .WithSummary("Validate a material's file (text/markdown) or its form (application/json, as a PUT takes it, with the "
                + "file it edits as source) as a PUT would and render its body, writing nothing: the editor's live preview")
            .WithDescription("A file's answer holds its form (its fields and body); a form's the file it makes (text). "
                + "Another media type is a 415, after authentication (401) and authorization (403).");
        return api;
    }

    internal static async Task<Results<Ok<MaterialCheck>, ValidationProblem, TooLargeProblem, UnsupportedMediaTypeProblem>> Check(
        string slug,
        HttpContext http,
        MaterialFiles files,
        IOptions<ContentOptions> content,
        StaffCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return Problems.InvalidSlug("slug", slug);
        var mediaType = PublishingAnswers.MediaType(http.Request);
        if (mediaType is not ("text/markdown" or "text/plain" or "application/json"))
            return PublishingAnswers.UnsupportedMediaType("text/markdown or application/json");
        var limit = content.Value.MaxFileBytes;
        if (await PublishingAnswers.ReadBodyAsync(http.Request, limit * 2, cancellationToken) is not { } sent)
            return PublishingAnswers.TooLarge(limit);
        if (mediaType != "application/json")
        {
            var form = MaterialMarkdown.Read(sent) is { } read ? FormOf(read, calendar.Today) : null;
            return TypedResults.Ok(Checked(slug, sent, files, text: null, form));
        }
        if (MaterialFieldsRequest.Read(sent) is not { } request)
            return Problems.Invalid("body", "Send {\"fields\": {...}, \"body\": \"Markdown\", \"source\": \"the file they edit\"}.");
        var (fields, errors) = request.Values(calendar.Today);
        if (errors.Problem() is { } invalid)
            return invalid;
        var written = MaterialMarkdown.Write(request.Source, fields, request.Body);
        return TypedResults.Ok(Checked(slug, written, files, written, form: null));
    }

    private static MaterialCheck Checked(string slug, string file, MaterialFiles files, string? text, MaterialForm? form)
    {
        var errors = files.Check(slug, file);
        var html = MarkdownRendering.PreviewHtml(MarkdownFile.Split(file.Replace("\r\n", "\n", StringComparison.Ordinal)).Body);
        var fieldErrors = FieldError.Of(errors);
        return new MaterialCheck(errors.Count == 0, Problems.ByField(fieldErrors), fieldErrors, html, text, form);
    }
}
