using PocMaterials.Content.Markdown;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Themes;
using YamlDotNet.RepresentationModel;

namespace PocMaterials.Content.Parsing;

/// <summary>Reads a theme file, themes/&lt;id&gt;.md.</summary>
public static class ThemeParser
{
    /// <summary>A theme's fields in the order of the content format, the order a form's new field takes.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "aliases", "contact", "core_processes", "image"];

    private const int MaxImageAddress = 500;

    public static Theme? Parse(
        string id,
        string text,
        string file,
        MaterialTaxonomy taxonomy,
        Func<string, bool> isContact,
        List<ContentError> errors)
    {
        var before = errors.Count;
        var markdown = MarkdownFile.Split(text);
        var fields = FrontMatter.Read(markdown, file, errors);
        if (fields is null)
            return null;
        fields.RejectUnknownFields(Fields);
        var title = fields.Text("title", required: true, FieldLimits.Title);
        var theme = new Theme
        {
            Id = id,
            Title = title ?? "",
            Aliases = fields.Strings("aliases", FieldLimits.Aliases, FieldLimits.Alias),
            ContactId = ReadContact(fields, isContact),
            CoreProcesses = fields.Ids("core_processes", taxonomy.CoreProcesses.Contains, "core_processes"),
            Image = ReadImage(fields),
            IntroMarkdown = markdown.Body,
            SourcePath = file,
        };
        MarkdownRendering.Parse(markdown.Body, file, markdown.BodyLine, errors);
        return errors.Count > before ? null : theme;
    }

    private static string? ReadImage(YamlFields fields)
    {
        var image = fields.Text("image", maxLength: MaxImageAddress);
        var valid = image is null
            || image.StartsWith('/') && !image.StartsWith("//", StringComparison.Ordinal)
            || Uri.TryCreate(image, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
        if (valid)
            return image;
        fields.Error(fields.Node("image"), "image", ContentFaults.InvalidAddress(image!));
        return null;
    }

    private static string? ReadContact(YamlFields fields, Func<string, bool> isContact)
    {
        var contact = fields.Text("contact");
        if (contact is not null && !isContact(contact))
        {
            fields.Error(fields.Node("contact"), "contact", ContentFaults.UnknownTerm(contact, "contacts"));
            return null;
        }
        return contact;
    }
}

/// <summary>The front matter of a Markdown content file as fields, or an error saying why there is none.</summary>
internal static class FrontMatter
{
    public static YamlFields? Read(MarkdownFile markdown, string file, List<ContentError> errors)
    {
        if (markdown.FrontMatterUnclosed)
        {
            errors.Add(new ContentError(file, 1, "front matter", ContentFaults.FrontMatterUnclosed()));
            return null;
        }
        if (markdown.FrontMatter is null)
        {
            errors.Add(new ContentError(file, 1, "front matter", ContentFaults.FrontMatterMissing()));
            return null;
        }
        var before = errors.Count;
        var root = YamlText.Load(markdown.FrontMatter, file, markdown.FrontMatterLine, errors);
        if (root is YamlMappingNode mapping)
            return new YamlFields(mapping, file, markdown.FrontMatterLine, errors);
        if (errors.Count == before)
            errors.Add(new ContentError(file, markdown.FrontMatterLine, "front matter", ContentFaults.InvalidStructure("fields")));
        return null;
    }
}
