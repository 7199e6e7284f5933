using Microsoft.AspNetCore.Http.HttpResults;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Visibility;
using PocMaterials.Web.Identity;

namespace PocMaterials.Web.Endpoints;

/// <summary>
/// Everything the editor's material form offers in one answer: each list with its labels and the words to find a term by,
/// the contacts with their role, the tags in use with how often, and the limits its counters show.
/// </summary>
public static class MaterialVocabularyEndpoints
{
    /// <param name="SearchWords">Aliases and acronyms: typing one finds the term (HGD finds handelingsgerichte diagnostiek).</param>
    public sealed record FormTerm(string Id, string Label, IReadOnlyList<string> SearchWords);

    /// <param name="Contact">The theme's contact: a material's contact when it names none.</param>
    public sealed record FormTheme(string Id, string Label, IReadOnlyList<string> SearchWords, string? Contact);

    public sealed record FormContact(string Id, string Name, string? Role, string? Email);

    /// <param name="Count">How many materials (drafts included) have it.</param>
    public sealed record FormTag(string Tag, int Count);

    /// <summary>The longest values, in characters (items for <c>Tags</c>): what the form's counters count to.</summary>
    public sealed record FormLimits(int Title, int Summary, int Tags, int Tag);

    /// <param name="DefaultRole">Every staff member: the roles a material without any is for.</param>
    public sealed record MaterialVocabulary(
        IReadOnlyList<FormTerm> Types,
        IReadOnlyList<FormTerm> CoreProcesses,
        IReadOnlyList<FormTheme> Themes,
        IReadOnlyList<FormTerm> Domains,
        IReadOnlyList<FormTerm> Roles,
        string DefaultRole,
        IReadOnlyList<FormContact> Contacts,
        IReadOnlyList<FormTag> Tags,
        FormLimits Limits);

    public static RouteGroupBuilder MapMaterialVocabularyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/taxonomy/form", Vocabulary)
            .RequireAuthorization(Policies.Editor)
            .WithTags("Publishing (editors)")
            .WithName("GetMaterialFormVocabulary")
            .WithSummary("Everything the material form offers: types, core processes, themes, domains and roles with labels and "
                + "search words, contacts with their role, tags in use with counts, field limits");
        return api;
    }

    internal static Ok<MaterialVocabulary> Vocabulary(ContentLibrary library)
    {
        var content = library.Current;
        var taxonomy = content.Taxonomy;
        List<FormTerm> Terms(TermList list) =>
            [.. list.All.Select(t => new FormTerm(t.Id, t.Label, SearchWords.For(t.Label, t.Aliases, taxonomy.Glossary)))];
        return TypedResults.Ok(new MaterialVocabulary(
            Terms(taxonomy.Types),
            Terms(taxonomy.CoreProcesses),
            [.. content.Themes.OrderBy(t => t.Title, StringComparer.CurrentCulture)
                .Select(t => new FormTheme(t.Id, t.Title, SearchWords.For(t.Title, t.Aliases, taxonomy.Glossary), t.ContactId))],
            Terms(taxonomy.Domains),
            Terms(taxonomy.Roles),
            StaffRoles.Everyone,
            [.. content.Contacts.Values.OrderBy(c => c.Name, StringComparer.CurrentCulture)
                .Select(c => new FormContact(c.Id, c.Name, c.Role, c.Email))],
            TagsInUse(content.Materials.Values),
            new FormLimits(FieldLimits.Title, FieldLimits.Summary, FieldLimits.Tags, FieldLimits.Tag)));
    }

    /// <summary>Tags counted whatever their case, as materials spell them most (in lower case on a tie), most used first.</summary>
    private static List<FormTag> TagsInUse(IEnumerable<Material> materials) =>
        [.. materials.SelectMany(m => m.Tags.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FormTag(Spelling(g), g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.CurrentCulture)];

    private static string Spelling(IEnumerable<string> spellings) => spellings
        .GroupBy(t => t, StringComparer.Ordinal)
        .OrderByDescending(s => s.Count())
        .ThenByDescending(s => s.Key, StringComparer.Ordinal)
        .First().Key;
}
