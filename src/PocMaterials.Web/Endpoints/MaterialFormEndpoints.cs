using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Publishing;
using PocMaterials.Content.Visibility;
using PocMaterials.Publishing.Materials;
using PocMaterials.Web.Api;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// What the editor's form reads: a material's fields as its file holds them, to send back edited as JSON
/// (<c>PUT /api/materials/{slug}</c>), which keeps the text of every field the form did not change.
/// </summary>
public static class MaterialFormEndpoints
{
    /// <param name="Fields">
    /// Each field the file has: a text, or a list of texts for the list fields (ids, tags; <c>roles: arts</c> is
    /// <c>["arts"]</c>), which sent back unchanged keep their text.
    /// </param>
    /// <param name="Body">The Markdown after the front matter.</param>
    /// <param name="Publication">
    /// How it stands today (<c>Calendar:TimeZone</c>): <c>draft</c>, <c>scheduled</c> (until its date) or <c>published</c>,
    /// with its publication date: what says which publication buttons the form offers.
    /// </param>
    public sealed record MaterialForm(IReadOnlyDictionary<string, object> Fields, string Body, PublicationState Publication);

    /// <summary>Maps into the editors' materials group of <see cref="MaterialPublishingEndpoints"/>.</summary>
    internal static RouteGroupBuilder MapMaterialFormEndpoints(this RouteGroupBuilder materials)
    {
        materials.MapGet("/{slug}/fields", Fields)
            .WithName("GetMaterialFields")
            .WithSummary("The material's fields (texts and lists of texts, as its file holds them) and body, with its ETag: "
                + "what the form edits and sends back as JSON")
            .WithDescription("422 when the front matter cannot be read as fields (it does not parse): its errors, to fix in the source.");
        return materials;
    }

    internal static Results<Ok<MaterialForm>, NotFoundProblem, UnprocessableProblem> Fields(
        string slug, MaterialFiles files, StaffCalendar calendar, HttpContext http)
    {
        if (!MaterialFiles.IsValidSlug(slug) || files.Read(slug) is not { } source)
            return Problems.NotFound("material", slug);
        if (MaterialMarkdown.Read(source.Text) is not { } read)
            return Problems.InvalidContent("material", files.Check(slug, source.Text));
        http.Response.Headers.ETag = source.ETag;
        return TypedResults.Ok(FormOf(read, calendar.Today));
    }

    /// <summary>What the form edits of a file read as fields; also in the check's answer, for the form to leave the source.</summary>
    internal static MaterialForm FormOf(MaterialSource read, DateOnly today)
    {
        var fields = read.Fields.ToDictionary(
            f => f.Key,
            f => f.Value.IsList || MaterialFields.Lists.Contains(f.Key) ? (object)f.Value.Items : f.Value.Items[0],
            StringComparer.Ordinal);
        return new MaterialForm(fields, read.Body, MaterialPublication.StateOf(read.Fields, today));
    }
}
