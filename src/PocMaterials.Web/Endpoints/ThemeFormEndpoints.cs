using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PocMaterials.Content.Library;
using PocMaterials.Content.Markdown;
using PocMaterials.Content.Publishing;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Definitions;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// A theme as the editors' theme form reads, checks and saves it: its fields and introduction, each save an edit of its
/// file as stored (every other byte stays), validated, versioned and audited as a write of the whole file.
/// </summary>
public static class ThemeFormEndpoints
{
    /// <summary>A theme's fields (texts and lists, as its file holds them) and introduction.</summary>
    public sealed record ThemeForm(IReadOnlyDictionary<string, object> Fields, string Body);

    /// <param name="FieldErrors">What a save of this form would be refused for (as its 422 lists them); empty when taken.</param>
    /// <param name="Html">The introduction as the theme page would show it.</param>
    public sealed record ThemeCheck(bool Valid, IReadOnlyList<FieldError> FieldErrors, string Html);

    private const string Shape = "Send {\"fields\": {\"title\": \"...\"}, \"body\": \"Markdown\"}: texts or lists of texts.";

    public static RouteGroupBuilder MapThemeFormEndpoints(this RouteGroupBuilder api)
    {
        var themes = api.MapGroup("/themes/{id}").RequireAuthorization(Policies.Editor).WithTags("Publishing (editors)");
        themes.MapGet("/fields", Fields).WithName("GetThemeFields").Audited()
            .WithSummary("A theme's fields and introduction as its file holds them, with the file's ETag: what the theme form edits");
        themes.MapPut("/fields", Put).WithName("PutThemeFields").NeedsDatabase().Audited()
            .WithSummary("Create (no If-Match) or change a theme from {\"fields\": {...}, \"body\": \"Markdown\"}; "
                + "unchanged fields keep their text");
        // Not audited: it changes nothing, and the theme page sends one for each preview.
        themes.MapPost("/check", Check).WithName("CheckTheme")
            .WithSummary("Validate a theme form ({\"fields\": {...}, \"body\": \"Markdown\"}) as a save would and render its "
                + "introduction, writing nothing: the theme form's preview");
        return api;
    }

    internal static Results<Ok<ThemeForm>, NotFoundProblem> Fields(string id, DefinitionFiles files, HttpContext http)
    {
        if (!MaterialFiles.IsValidSlug(id) || DefinitionFiles.Read(Definition.Theme(files.Location, id)) is not { } source
            || MaterialMarkdown.Read(source.Text) is not { } read)
            return Problems.NotFound("theme", id);
        http.Response.Headers.ETag = source.ETag;
        var fields = read.Fields.ToDictionary(
            f => f.Key, f => f.Value.IsList || f.Key is "aliases" or "core_processes" ? (object)f.Value.Items : f.Value.Items[0],
            StringComparer.Ordinal);
        return TypedResults.Ok(new ThemeForm(fields, read.Body));
    }

    internal static Task<Results<SavedTheme, ValidationProblem, TooLargeProblem>> Put(
        string id,
        HttpContext http,
        DefinitionEdits edits,
        StaffCalendar calendar,
        IOptions<ContentOptions> content,
        CancellationToken cancellationToken) =>
        WithFormAsync(id, http, calendar, content.Value.MaxFileBytes, async (fields, body) =>
        {
            var author = DefinitionFormEndpoints.Author(http);
            var result = await edits.ThemeAsync(id, fields, body, PublishingAnswers.IfMatch(http), author, cancellationToken);
            return DefinitionFormAnswers.Theme(http, result, $"/api/themes/{id}");
        }, cancellationToken);

    internal static Task<Results<Ok<ThemeCheck>, ValidationProblem, TooLargeProblem>> Check(
        string id,
        HttpContext http,
        DefinitionEdits edits,
        StaffCalendar calendar,
        IOptions<ContentOptions> content,
        CancellationToken cancellationToken) =>
        WithFormAsync(id, http, calendar, content.Value.MaxFileBytes, (fields, body) =>
        {
            var (text, errors) = edits.CheckTheme(id, fields, body);
            var html = MarkdownRendering.PreviewHtml(MarkdownFile.Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)).Body);
            return Task.FromResult(TypedResults.Ok(new ThemeCheck(errors.Count == 0, FieldError.Of(errors), html)));
        }, cancellationToken);

    /// <summary>What <paramref name="then"/> answers to the form's fields and introduction; or why there are none: 400, 413.</summary>
    private static async Task<Results<TAnswer, ValidationProblem, TooLargeProblem>> WithFormAsync<TAnswer>(
        string id,
        HttpContext http,
        StaffCalendar calendar,
        long maxFileBytes,
        Func<IReadOnlyDictionary<string, FieldValue>, string?, Task<TAnswer>> then,
        CancellationToken cancellationToken)
        where TAnswer : IResult
    {
        if (!MaterialFiles.IsValidSlug(id))
            return Problems.InvalidSlug("id", id);
        if (await PublishingAnswers.ReadBodyAsync(http.Request, maxFileBytes * 2, cancellationToken) is not { } text)
            return PublishingAnswers.TooLarge(maxFileBytes);
        if (MaterialFieldsRequest.Read(text) is not { Publication: null } request)
            return Problems.Invalid("body", Shape);
        var (fields, errors) = request.Values(calendar.Today);
        if (errors.Problem() is { } invalid)
            return invalid;
        return await then(fields, request.Body);
    }
}
