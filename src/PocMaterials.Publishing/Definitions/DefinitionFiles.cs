using System.Text;
using PocMaterials.Content.Library;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Versions;
using PocMaterials.Content;

namespace PocMaterials.Publishing.Definitions;

/// <summary>A definition file: the taxonomy, the contacts, the newsletter calendar or one theme.</summary>
public sealed record Definition(string Document, string Path, string File, string? ThemeId = null)
{
    public static Definition Taxonomy(ContentLocation location) =>
        new(ContentDocuments.Taxonomy, location.TaxonomyFile, "content/taxonomy.yml");

    public static Definition Contacts(ContentLocation location) =>
        new(ContentDocuments.Contacts, location.ContactsFile, "content/contacts.yml");

    public static Definition NewsletterCalendar(ContentLocation location) =>
        new(ContentDocuments.NewsletterCalendar, location.NewsletterFile, "content/newsletter.yml");

    public static Definition Theme(ContentLocation location, string id) =>
        new(ContentDocuments.Theme(id), System.IO.Path.Combine(location.ThemesPath, id + ".md"), $"themes/{id}.md", id);
}

/// <summary>
/// The definition files as the management API changes them. A change is refused (422) when the file is
/// invalid, and also when it would break what depends on it: a taxonomy id, contact or theme still used
/// by a material, a theme or the calendar cannot go.
/// </summary>
public sealed class DefinitionFiles(ContentLibrary library, VersionedFiles files, ContentVersions versions, long maxFileBytes)
{
    public ContentLocation Location => library.Location;

    public static FileSource? Read(Definition definition) => VersionedFiles.Read(definition.Path);

    public async Task<WriteResult> WriteAsync(
        Definition definition,
        string text,
        string? ifMatch,
        string author,
        CancellationToken cancellationToken,
        bool overwrite = false,
        string? summary = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        IReadOnlyList<ContentError> errors = bytes.Length > maxFileBytes
            ? [new ContentError(definition.File, 1, "file", ContentFaults.FileTooLarge(bytes.Length, maxFileBytes))]
            : Check(definition, text);
        if (errors.Count > 0)
            return new WriteResult(WriteOutcome.Invalid, Errors: errors);
        var change = Change(definition, bytes, ifMatch, author) with { Overwrite = overwrite, Summary = summary };
        return await files.WriteAsync(change, cancellationToken);
    }

    /// <summary>What a write of this text would be refused for beside its size (its 422), writing nothing.</summary>
    public IReadOnlyList<ContentError> Check(Definition definition, string text) =>
        Validate(definition, text.Replace("\r\n", "\n", StringComparison.Ordinal));

    /// <summary>Removes a theme or the calendar; the taxonomy and contacts are required and cannot be removed.</summary>
    public async Task<WriteResult> DeleteAsync(Definition definition, string? ifMatch, string author, CancellationToken cancellationToken)
    {
        var errors = definition.ThemeId is { } id ? ThemeUsers(id) : [];
        if (errors.Count > 0)
            return new WriteResult(WriteOutcome.Invalid, Errors: errors);
        return await files.WriteAsync(Change(definition, null, ifMatch, author), cancellationToken);
    }

    public async Task<WriteResult?> RestoreAsync(
        Definition definition, int version, string? ifMatch, string author, CancellationToken cancellationToken) =>
        await versions.GetAsync(definition.Document, version, cancellationToken) is { Text: { } text }
            ? await WriteAsync(
                definition, text, ifMatch, author, cancellationToken, overwrite: true, summary: $"restored version {version}")
            : null;

    private static FileChange Change(Definition definition, byte[]? bytes, string? ifMatch, string author) =>
        new(definition.Document, () => File.Exists(definition.Path) ? definition.Path : null, definition.Path, bytes, ifMatch, author);

    private List<ContentError> Validate(Definition definition, string text)
    {
        var content = library.Current;
        var errors = new List<ContentError>();
        switch (definition.Document)
        {
            case ContentDocuments.Taxonomy:
                if (TaxonomyParser.Parse(text, definition.File, errors) is { } taxonomy)
                    errors.AddRange(TaxonomyUsers(content, taxonomy));
                break;
            case ContentDocuments.Contacts:
                if (ContactsParser.Parse(text, definition.File, errors) is { } contacts)
                {
                    var ids = contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
                    errors.AddRange(content.Materials.Values.Where(m => m.ContactId is { } c && !ids.Contains(c))
                        .Select(m => Broken(m.SourcePath, "contact", m.ContactId!, "contacts.yml")));
                    errors.AddRange(content.Themes.Where(t => t.ContactId is { } c && !ids.Contains(c))
                        .Select(t => Broken(t.SourcePath, "contact", t.ContactId!, "contacts.yml")));
                }
                break;
            case ContentDocuments.NewsletterCalendar:
                NewsletterCalendarParser.Parse(
                    text, definition.File, content.Taxonomy, content.ThemesById.Keys.ToHashSet(StringComparer.Ordinal), errors);
                break;
            default:
                ThemeParser.Parse(definition.ThemeId!, text, definition.File, content.Taxonomy, content.Contacts.ContainsKey, errors);
                break;
        }
        return errors;
    }

    /// <summary>Materials, themes and calendar months that use an id the new taxonomy no longer has.</summary>
    private static IEnumerable<ContentError> TaxonomyUsers(ContentSnapshot content, MaterialTaxonomy taxonomy)
    {
        foreach (var m in content.Materials.Values.OrderBy(m => m.SourcePath, StringComparer.Ordinal))
        {
            if (!taxonomy.Types.Contains(m.Type))
                yield return Broken(m.SourcePath, "type", m.Type, "taxonomy.yml");
            foreach (var id in m.CoreProcesses.Where(id => !taxonomy.CoreProcesses.Contains(id)))
                yield return Broken(m.SourcePath, "core_processes", id, "taxonomy.yml");
            foreach (var id in m.Domains.Where(id => !taxonomy.Domains.Contains(id)))
                yield return Broken(m.SourcePath, "domains", id, "taxonomy.yml");
            foreach (var id in m.Roles.Where(id => !taxonomy.Roles.Contains(id)))
                yield return Broken(m.SourcePath, "roles", id, "taxonomy.yml");
        }
        foreach (var theme in content.Themes)
        {
            foreach (var id in theme.CoreProcesses.Where(id => !taxonomy.CoreProcesses.Contains(id)))
                yield return Broken(theme.SourcePath, "core_processes", id, "taxonomy.yml");
        }
        foreach (var (month, feature) in content.NewsletterCalendar.Months)
        {
            if (feature.Kind == FeatureKind.CoreProcess && !taxonomy.CoreProcesses.Contains(feature.Id))
                yield return Broken("content/newsletter.yml", MonthField(month), feature.Id, "taxonomy.yml");
        }
    }

    private List<ContentError> ThemeUsers(string id)
    {
        var content = library.Current;
        return
        [
            .. content.Materials.Values
                .Where(m => m.Themes.Contains(id))
                .OrderBy(m => m.SourcePath, StringComparer.Ordinal)
                .Select(m => new ContentError(m.SourcePath, 1, "themes", ContentFaults.ThemeInUse(id, byCalendar: false))),
            .. content.NewsletterCalendar.Months
                .Where(f => f.Value.Kind == FeatureKind.Theme && f.Value.Id == id)
                .Select(f => new ContentError(
                    "content/newsletter.yml", 1, MonthField(f.Key), ContentFaults.ThemeInUse(id, byCalendar: true))),
        ];
    }

    /// <summary>A month of the newsletter calendar as its file names it, the field of its errors.</summary>
    private static string MonthField(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static ContentError Broken(string file, string field, string id, string definitions) =>
        new(file, 1, field, ContentFaults.NoLongerDefined(id, definitions));
}
