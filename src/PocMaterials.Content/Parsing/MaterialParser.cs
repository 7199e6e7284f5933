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
            fields.Error(fields.Node("type"), "type", ContentFaults.UnknownTerm(type, "types"));
        var themes = fields.Ids("themes", vocabulary.ThemeContacts.ContainsKey, "themes");
        var roles = fields.Ids("roles", taxonomy.Roles.Contains, "roles");
        var contact = fields.Text("contact");
        if (contact is not null && !vocabulary.ContactIds.Contains(contact))
            fields.Error(fields.Node("contact"), "contact", ContentFaults.UnknownTerm(contact, "contacts"));
        var published = fields.Date("published");
        var reviewBy = ReviewDate(fields, published);
        var status = ReadStatus(fields);
        var material = new Material
        {
            Slug = slug,
            Title = title ?? "",
            Type = type ?? "",
            Summary = fields.Text("summary", maxLength: FieldLimits.Summary),
            CoreProcesses = fields.Ids("core_processes", taxonomy.CoreProcesses.Contains, "core_processes"),
            Themes = themes,
            Domains = fields.Ids("domains", taxonomy.Domains.Contains, "domains"),
            Roles = roles.Count == 0 ? [StaffRoles.Everyone] : roles,
            ContactId = contact ?? themes.Select(t => vocabulary.ThemeContacts[t]).FirstOrDefault(c => c is not null),
            Published = published,
            Updated = fields.Date("updated") ?? published,
            ReviewBy = reviewBy,
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

    /// <summary>
    /// The review date, which may not come before the publication: due for review before it is even published is a typing
    /// error (or a publication moved without its review). An update before the publication is not: written in June,
    /// published in September.
    /// </summary>
    private static DateOnly? ReviewDate(YamlFields fields, DateOnly? published)
    {
        var date = fields.Date("review_by");
        if (date < published)
            fields.Error(fields.Node("review_by"), "review_by", ContentFaults.DateOrder(date.Value, "published", published.Value));
        return date;
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
                fields.Error(fields.Node("status"), "status", ContentFaults.InvalidStatus(other));
                return MaterialStatus.Draft;
        }
    }
}
