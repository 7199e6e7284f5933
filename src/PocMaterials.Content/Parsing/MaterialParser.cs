using PocMaterials.Content.Markdown;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Content.Parsing;

/// <summary>What a material is checked against: the taxonomy, the themes and the contacts.</summary>
public sealed record MaterialVocabulary(
    MaterialTaxonomy Taxonomy,
    IReadOnlyDictionary<string, string?> ThemeContacts,
    IReadOnlySet<string> ContactIds);

/// <summary>Reads and validates one material file against the content contract.</summary>
public static class MaterialParser
{
    /// <returns>The material, or null when the file has an error (all of its errors are added).</returns>
    public static Material? Parse(string slug, string text, string file, MaterialVocabulary vocabulary, List<ContentError> errors)
    {
        var before = errors.Count;
        var markdown = MarkdownFile.Split(text);
        var fields = FrontMatter.Read(markdown, file, errors);
        if (fields is null)
            return null;
        fields.RejectUnknownFields(MaterialFields.InOrder);
        var taxonomy = vocabulary.Taxonomy;

        var title = fields.Text("title", required: true, FieldLimits.Title);
        var type = fields.Text("type", required: true);
        if (type is not null && !taxonomy.Types.Contains(type))
            fields.Error(fields.Node("type"), "type", $"unknown id '{type}' (not in types of taxonomy.yml)");
        var themes = fields.Ids("themes", vocabulary.ThemeContacts.ContainsKey, "themes/");
        var roles = fields.Ids("roles", taxonomy.Roles.Contains, "roles of taxonomy.yml");
        var contact = fields.Text("contact");
        if (contact is not null && !vocabulary.ContactIds.Contains(contact))
            fields.Error(fields.Node("contact"), "contact", $"unknown id '{contact}' (not in contacts.yml)");
        var published = fields.Date("published");
        var status = ReadStatus(fields);
        var material = new Material
        {
            Slug = slug,
            Title = title ?? "",
            Type = type ?? "",
            Summary = fields.Text("summary", maxLength: FieldLimits.Summary),
            CoreProcesses = fields.Ids("core_processes", taxonomy.CoreProcesses.Contains, "core_processes of taxonomy.yml"),
            Themes = themes,
            Domains = fields.Ids("domains", taxonomy.Domains.Contains, "domains of taxonomy.yml"),
            Roles = roles.Count == 0 ? [StaffRoles.Everyone] : roles,
            ContactId = contact ?? themes.Select(t => vocabulary.ThemeContacts[t]).FirstOrDefault(c => c is not null),
            Published = published,
            Updated = fields.Date("updated") ?? published,
            ReviewBy = fields.Date("review_by"),
            Status = status,
            Tags = fields.Strings("tags", FieldLimits.Tags, FieldLimits.Tag),
            BodyMarkdown = markdown.Body,
            BodyText = "",
            SourcePath = file,
        };
        var document = MarkdownRendering.Parse(markdown.Body, file, markdown.BodyLine, errors);
        if (document is null || errors.Count > before)
            return null;
        return material with
        {
            BodyText = MarkdownRendering.ToPlainText(document),
            Questions = type == "faq" ? MarkdownRendering.Questions(document) : [],
        };
    }

    private static MaterialStatus ReadStatus(YamlFields fields)
    {
        switch (fields.Text("status"))
        {
            case null or "published":
                return MaterialStatus.Published;
            case "draft":
                return MaterialStatus.Draft;
            case var other:
                fields.Error(fields.Node("status"), "status", $"'{other}' is not a status; use 'published' or 'draft'");
                return MaterialStatus.Draft;
        }
    }
}
