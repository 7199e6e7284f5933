using PocMaterials.Content.Library;

namespace PocMaterials.Publishing.Versions;

/// <summary>The content files that have a history, by the name their versions are kept under.</summary>
public static class ContentDocuments
{
    public const string Taxonomy = "taxonomy";
    public const string Contacts = "contacts";
    public const string NewsletterCalendar = "newsletter-calendar";

    public static string Theme(string id) => "theme/" + id;

    /// <summary>The definition files: taxonomy, contacts, calendar and every theme known before or after a change.</summary>
    public static IEnumerable<(string Document, string Path)> Definitions(ContentLocation location, IEnumerable<string> themeIds) =>
        [
            (Taxonomy, location.TaxonomyFile),
            (Contacts, location.ContactsFile),
            (NewsletterCalendar, location.NewsletterFile),
            .. themeIds.Distinct(StringComparer.Ordinal).Select(id => (Theme(id), Path.Combine(location.ThemesPath, id + ".md"))),
        ];
}
