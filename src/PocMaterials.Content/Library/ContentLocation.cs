namespace PocMaterials.Content.Library;

/// <summary>Where the content lives: the content folder (materials, attachments, taxonomy, contacts) and the themes folder.</summary>
public sealed record ContentLocation(string ContentPath, string ThemesPath)
{
    public string MaterialsPath => Path.Combine(ContentPath, "materials");

    /// <summary>Files uploaded for materials, one folder per slug: beside the materials, not among them.</summary>
    public string AttachmentsPath => Path.Combine(ContentPath, "attachments");

    public string TaxonomyFile => Path.Combine(ContentPath, "taxonomy.yml");
    public string ContactsFile => Path.Combine(ContentPath, "contacts.yml");
    public string NewsletterFile => Path.Combine(ContentPath, "newsletter.yml");

    /// <summary>The full path of a file as the library names it (<c>content/materials/x.md</c>, <c>themes/y.md</c>).</summary>
    public string FullPathOf(string sourcePath)
    {
        var slash = sourcePath.IndexOf('/', StringComparison.Ordinal);
        var root = sourcePath[..slash] == Path.GetFileName(ThemesPath) && sourcePath[..slash] != Path.GetFileName(ContentPath)
            ? ThemesPath
            : ContentPath;
        return Path.Combine(root, sourcePath[(slash + 1)..]);
    }
}
