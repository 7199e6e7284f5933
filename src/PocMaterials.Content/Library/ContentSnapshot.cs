using PocMaterials.Content.Contacts;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Themes;

namespace PocMaterials.Content.Library;

/// <summary>An immutable view of all content at one moment: what is served, and what is broken.</summary>
public sealed class ContentSnapshot
{
    public static readonly ContentSnapshot Empty =
        new(MaterialTaxonomy.Empty, new Dictionary<string, Contact>(), [], new Dictionary<string, Material>(), [], 0);

    public ContentSnapshot(
        MaterialTaxonomy taxonomy,
        IReadOnlyDictionary<string, Contact> contacts,
        IReadOnlyList<Theme> themes,
        IReadOnlyDictionary<string, Material> materials,
        IReadOnlyList<ContentError> errors,
        long version)
    {
        Taxonomy = taxonomy;
        Contacts = contacts;
        Themes = themes;
        ThemesById = themes.ToDictionary(t => t.Id, StringComparer.Ordinal);
        Materials = materials;
        Errors = errors;
        Version = version;
    }

    public MaterialTaxonomy Taxonomy { get; }
    public IReadOnlyDictionary<string, Contact> Contacts { get; }
    public IReadOnlyList<Theme> Themes { get; }
    public IReadOnlyDictionary<string, Theme> ThemesById { get; }
    public IReadOnlyDictionary<string, Material> Materials { get; }
    public IReadOnlyList<ContentError> Errors { get; }

    /// <summary>The POC-a-tizer's planned features (newsletter.yml).</summary>
    public NewsletterCalendar NewsletterCalendar { get; init; } = NewsletterCalendar.Empty;

    /// <summary>Grows by one with every reload that changed anything.</summary>
    public long Version { get; }

    public Contact? ContactOf(string? id) => id is not null && Contacts.TryGetValue(id, out var contact) ? contact : null;

    public string ThemeTitle(string id) => ThemesById.TryGetValue(id, out var theme) ? theme.Title : id;
}

/// <summary>What one reload changed, for whoever mirrors the content (the search index) or reacts to it (webhooks, versions).</summary>
public sealed record ContentChange(
    ContentSnapshot Snapshot,
    bool DefinitionsChanged,
    IReadOnlyList<Material> Upserted,
    IReadOnlyList<string> Removed)
{
    /// <summary>The snapshot this reload replaced.</summary>
    public ContentSnapshot Previous { get; init; } = ContentSnapshot.Empty;

    public bool IsEmpty => !DefinitionsChanged && Upserted.Count == 0 && Removed.Count == 0;
}
