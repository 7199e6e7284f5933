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
}
