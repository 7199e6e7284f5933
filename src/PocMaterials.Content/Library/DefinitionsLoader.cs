using PocMaterials.Content.Contacts;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Themes;

namespace PocMaterials.Content.Library;

/// <summary>
/// Loads what materials are checked against (taxonomy, contacts, themes) and the newsletter calendar, when
/// their bytes changed; a definition that breaks keeps its last valid version until it is fixed.
/// </summary>
internal sealed class DefinitionsLoader(ContentLocation location, ContentFileReader reader)
{
    private readonly Dictionary<string, Theme> _lastValidThemes = new(StringComparer.Ordinal);
    private MaterialTaxonomy? _lastValidTaxonomy;
    private IReadOnlyList<Contact>? _lastValidContacts;
    private NewsletterCalendar? _lastValidCalendar;
    private string _fingerprint = "";
    private IReadOnlyList<ContentError> _errors = [];

    /// <summary>The definitions, read anew if any of their files changed or a touched path is a whole content folder.</summary>
    public Definitions Load(IReadOnlyCollection<string> touched)
    {
        var themeFiles = Directory.Exists(location.ThemesPath)
            ? Directory.GetFiles(location.ThemesPath, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray()
            : [];
        var fingerprint = reader.Fingerprint(
            [location.TaxonomyFile, location.ContactsFile, location.NewsletterFile, .. themeFiles]);
        var changed = fingerprint != _fingerprint
            || touched.Contains(location.ContentPath)
            || touched.Contains(location.ThemesPath);
        _fingerprint = fingerprint;

        if (changed)
        {
            var taxonomyErrors = new List<ContentError>();
            _lastValidTaxonomy = reader.Read(location.TaxonomyFile, taxonomyErrors,
                (text, file) => TaxonomyParser.Parse(text, file, taxonomyErrors)) ?? _lastValidTaxonomy;
            var contactErrors = new List<ContentError>();
            _lastValidContacts = reader.Read(location.ContactsFile, contactErrors,
                (text, file) => ContactsParser.Parse(text, file, contactErrors)) ?? _lastValidContacts;
            _errors = [.. taxonomyErrors, .. contactErrors];
        }
        var taxonomy = _lastValidTaxonomy ?? MaterialTaxonomy.Empty;
        var contacts = _lastValidContacts ?? [];

        if (changed)
        {
            // The calendar names themes: it is read after them.
            var themeErrors = ReloadThemes(themeFiles, taxonomy, contacts);
            _errors = [.. _errors, .. themeErrors, .. ReloadNewsletterCalendar(taxonomy)];
        }
        var themes = _lastValidThemes.Values.OrderBy(t => t.Title, StringComparer.CurrentCulture).ToList();
        return new Definitions(taxonomy, contacts, themes, _lastValidCalendar ?? NewsletterCalendar.Empty, _errors, changed);
    }

    /// <summary>The next load reads every definition anew: what the last one read did not count.</summary>
    public void ReadAnewNextTime() => _fingerprint = "";

    private List<ContentError> ReloadThemes(string[] themeFiles, MaterialTaxonomy taxonomy, IReadOnlyList<Contact> contacts)
    {
        var contactIds = contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var errors = new List<ContentError>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in themeFiles)
        {
            var id = Path.GetFileNameWithoutExtension(path);
            present.Add(id);
            var theme = reader.Read(path, errors,
                (text, file) => ThemeParser.Parse(id, text, file, taxonomy, contactIds.Contains, errors));
            if (theme is not null)
                _lastValidThemes[id] = theme;
        }
        foreach (var gone in _lastValidThemes.Keys.Where(id => !present.Contains(id)).ToList())
            _lastValidThemes.Remove(gone);
        return errors;
    }

    /// <summary>newsletter.yml is optional: without it every month's theme is chosen automatically.</summary>
    private List<ContentError> ReloadNewsletterCalendar(MaterialTaxonomy taxonomy)
    {
        var errors = new List<ContentError>();
        if (!File.Exists(location.NewsletterFile))
        {
            _lastValidCalendar = NewsletterCalendar.Empty;
            return errors;
        }
        var themeIds = _lastValidThemes.Keys.ToHashSet(StringComparer.Ordinal);
        _lastValidCalendar = reader.Read(location.NewsletterFile, errors,
            (text, file) => NewsletterCalendarParser.Parse(text, file, taxonomy, themeIds, errors)) ?? _lastValidCalendar;
        return errors;
    }
}

/// <summary>The definitions as last loaded, their files' errors, and whether this load read them anew.</summary>
internal sealed record Definitions(
    MaterialTaxonomy Taxonomy,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Theme> Themes,
    NewsletterCalendar Calendar,
    IReadOnlyList<ContentError> Errors,
    bool Changed)
{
    /// <summary>The ids a material may name, as its parser checks them.</summary>
    public MaterialVocabulary Vocabulary() => new(
        Taxonomy,
        Themes.ToDictionary(t => t.Id, t => t.ContactId, StringComparer.Ordinal),
        Contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
}
