using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Themes;
using PocMaterials.Content.Visibility;
using PocMaterials.Web.Api;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

public static class TaxonomyEndpoints
{
    public static RouteGroupBuilder MapTaxonomyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/taxonomy", GetTaxonomy)
            .WithName("GetTaxonomy")
            .WithSummary("Core processes, domains, roles, material types and centres");
        api.MapGet("/themes", GetThemes)
            .WithName("GetThemes")
            .WithSummary("All themes with their contact and how many materials the caller may see");
        api.MapGet("/themes/{id}", GetTheme)
            .WithName("GetTheme")
            .WithSummary("A theme: its introduction, contact and the materials the caller may see");
        return api;
    }

    internal static Ok<TaxonomyResponse> GetTaxonomy(ContentLibrary library)
    {
        var taxonomy = library.Current.Taxonomy;
        return TypedResults.Ok(new TaxonomyResponse(
            taxonomy.CoreProcesses.All, taxonomy.Domains.All, taxonomy.Roles.All, taxonomy.Types.All, taxonomy.Centres.All));
    }

    internal static Ok<List<ThemeSummaryResponse>> GetThemes(ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar)
    {
        var content = library.Current;
        var visible = VisibleMaterials(content, user.ToStaffMember(), calendar.Today);
        return TypedResults.Ok(content.Themes.Select(theme => new ThemeSummaryResponse(
            theme.Id,
            theme.Title,
            theme.Aliases,
            ContactResponse.From(content.ContactOf(theme.ContactId)),
            CoreProcessesOf(theme, content),
            visible.Count(m => m.Themes.Contains(theme.Id)))).ToList());
    }

    internal static Results<Ok<ThemeResponse>, NotFoundProblem> GetTheme(
        string id, ClaimsPrincipal user, ContentLibrary library, StaffCalendar calendar)
    {
        var content = library.Current;
        if (!content.ThemesById.TryGetValue(id, out var theme))
            return Problems.NotFound("theme", id);
        var materials = VisibleMaterials(content, user.ToStaffMember(), calendar.Today)
            .Where(m => m.Themes.Contains(theme.Id))
            .OrderByDescending(m => m.Updated)
            .ThenBy(m => m.Title, StringComparer.CurrentCulture)
            .Select(m => MaterialSummaryResponse.From(m, content))
            .ToList();
        return TypedResults.Ok(new ThemeResponse(
            theme.Id,
            theme.Title,
            theme.Aliases,
            Content.Markdown.MarkdownRendering.ToHtml(theme.IntroMarkdown),
            ContactResponse.From(content.ContactOf(theme.ContactId)),
            CoreProcessesOf(theme, content),
            materials,
            theme.Image));
    }

    private static List<Material> VisibleMaterials(ContentSnapshot content, StaffMember viewer, DateOnly today) =>
        content.Materials.Values.Where(m => m.IsVisibleTo(viewer, today)).ToList();

    private static List<LabelledId> CoreProcessesOf(Theme theme, ContentSnapshot content) =>
        theme.CoreProcesses.Select(id => new LabelledId(id, content.Taxonomy.CoreProcesses.LabelOf(id))).ToList();
}
