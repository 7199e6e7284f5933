using System.Text;
using System.Text.RegularExpressions;
using PocMaterials.Content;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Publishing;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing.Materials;

/// <summary>
/// The Markdown files of materials, as the management API reads, writes, renames and restores them. A
/// write is validated exactly as a file on disk is, and goes through <see cref="VersionedFiles"/>: locked
/// across hosts, checked against the version the editor read, kept as a version.
/// </summary>
/// <param name="records">What the features keep by a material's slug (reach, newsletter clicks): moved along with a rename.</param>
public sealed partial class MaterialFiles(
    ContentLibrary library,
    VersionedFiles files,
    ContentVersions versions,
    MaterialRedirects redirects,
    IEnumerable<IMaterialRecords> records,
    long maxFileBytes)
{
    /// <summary>Lower-case words joined by hyphens, no device name: a file name on every system, never a path.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= 100 && SlugPattern().IsMatch(slug) && !DeviceNames.IsReserved(slug);

    /// <summary>The name of a material's history.</summary>
    public static string Document(string slug) => "material/" + slug;

    public FileSource? Read(string slug) => VersionedFiles.Read(PathOf(slug));

    /// <summary>Creates the material, or replaces it when <paramref name="ifMatch"/> names its stored version.</summary>
    public async Task<WriteResult> WriteAsync(string slug, string text, string? ifMatch, string author, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var errors = Validate(slug, text, bytes.Length);
        if (errors.Count > 0)
            return new WriteResult(WriteOutcome.Invalid, Errors: errors);
        var result = await files.WriteAsync(Change(slug, bytes, ifMatch, author), cancellationToken);
        if (result.Outcome == WriteOutcome.Created)
            await redirects.ForgetAsync(slug, cancellationToken);
        return result;
    }

    /// <summary>
    /// Creates or replaces the material from its fields and body as the editor's form gives them: the stored file edited
    /// so that what the form did not change keeps its text (<see cref="MaterialMarkdown"/>), then written as
    /// <see cref="WriteAsync"/> writes any file.
    /// </summary>
    public Task<WriteResult> WriteFieldsAsync(
        string slug,
        IReadOnlyDictionary<string, FieldValue> fields,
        string? body,
        string? ifMatch,
        string author,
        CancellationToken cancellationToken)
    {
        var current = ifMatch is null ? null : Read(slug);
        if (current is null)
            return WriteAsync(slug, MaterialMarkdown.Write(null, fields, body ?? ""), ifMatch, author, cancellationToken);
        if (!EntityTags.IfMatchHolds(ifMatch!, current.ETag))
            return Task.FromResult(new WriteResult(WriteOutcome.Stale));
        // What was edited is what may be replaced: a change in between, even under If-Match: *, is a 412, not lost.
        return WriteAsync(slug, MaterialMarkdown.Write(current.Text, fields, body), current.ETag, author, cancellationToken);
    }

    public Task<WriteResult> DeleteAsync(string slug, string? ifMatch, string author, CancellationToken cancellationToken) =>
        files.WriteAsync(Change(slug, null, ifMatch, author), cancellationToken);

    /// <summary>Makes an earlier version the current one again, as a new version; a removal cannot be restored.</summary>
    public async Task<WriteResult?> RestoreAsync(
        string slug, int version, string? ifMatch, string author, CancellationToken cancellationToken)
    {
        if (await versions.GetAsync(Document(slug), version, cancellationToken) is not { Text: { } text })
            return null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var errors = Validate(slug, text, bytes.Length);
        if (errors.Count > 0)
            return new WriteResult(WriteOutcome.Invalid, Errors: errors);
        var change = Change(slug, bytes, ifMatch, author) with { Overwrite = true, Summary = $"restored version {version}" };
        return await files.WriteAsync(change, cancellationToken);
    }

    /// <summary>
    /// Gives a material a new slug: its file is renamed in its folder, its versions and reach move with it,
    /// and the old slug answers with a redirect.
    /// </summary>
    public async Task<WriteResult> RenameAsync(
        string slug, string newSlug, string? ifMatch, string author, CancellationToken cancellationToken) =>
        files.Served(await versions.ChangeAsync([Document(slug), Document(newSlug)], async histories =>
        {
            var (from, to) = histories[0].Document == Document(slug) ? (histories[0], histories[1]) : (histories[1], histories[0]);
            if (PathOf(slug) is not { } path || VersionedFiles.Read(path) is not { } current)
                return new WriteResult(WriteOutcome.NotFound);
            if (ifMatch is not null && !EntityTags.IfMatchHolds(ifMatch, current.ETag))
                return new WriteResult(WriteOutcome.Stale);
            if (PathOf(newSlug) is not null)
                return new WriteResult(WriteOutcome.Exists);
            if ((await from.LatestAsync(cancellationToken))?.Version.ETag != current.ETag)
                await from.RecordAsync(current.Text, current.ETag, ContentVersions.FileSystem, "changed on disk", cancellationToken);
            await ContentVersions.MoveAsync(from, to.Document, cancellationToken);
            var version = await to.RecordAsync(current.Text, current.ETag, author, $"renamed from {slug}", cancellationToken);
            await MaterialRedirects.AddAsync(from, slug, newSlug, cancellationToken);
            foreach (var kept in records)
                await kept.MoveAsync(from.Connection, from.Transaction, slug, newSlug, cancellationToken);
            var newPath = Path.Combine(Path.GetDirectoryName(path)!, newSlug + ".md");
            await VersionedFiles.WriteWholeAsync(newPath, Encoding.UTF8.GetBytes(current.Text), cancellationToken);
            File.Delete(path);
            // Its attachments go along: they are served by the material's slug.
            var attachments = Path.Combine(library.Location.AttachmentsPath, slug);
            var newAttachments = Path.Combine(library.Location.AttachmentsPath, newSlug);
            if (Directory.Exists(attachments) && !Directory.Exists(newAttachments))
                Directory.Move(attachments, newAttachments);
            return new WriteResult(WriteOutcome.Created, current.ETag, Version: version);
        }, cancellationToken));

    private FileChange Change(string slug, byte[]? bytes, string? ifMatch, string author) =>
        new(Document(slug), () => PathOf(slug), Path.Combine(library.Location.MaterialsPath, slug + ".md"), bytes, ifMatch, author);

    /// <summary>What <see cref="WriteAsync"/> would refuse the text for, without writing anything.</summary>
    public IReadOnlyList<ContentError> Check(string slug, string text) => Validate(slug, text, Encoding.UTF8.GetByteCount(text));

    /// <summary>The errors the library would report for this file, with the same parser and the current definitions.</summary>
    private List<ContentError> Validate(string slug, string text, long size)
    {
        var file = $"content/materials/{slug}.md";
        var errors = new List<ContentError>();
        if (size > maxFileBytes)
        {
            errors.Add(new ContentError(file, 1, "file", ContentFaults.FileTooLarge(size, maxFileBytes)));
            return errors;
        }
        var content = library.Current;
        var vocabulary = new MaterialVocabulary(
            content.Taxonomy,
            content.Themes.ToDictionary(t => t.Id, t => t.ContactId, StringComparer.Ordinal),
            content.Contacts.Keys.ToHashSet(StringComparer.Ordinal));
        MaterialParser.Parse(slug, text.Replace("\r\n", "\n", StringComparison.Ordinal), file, vocabulary, errors);
        return errors;
    }

    /// <summary>
    /// The file of a slug anywhere below materials/ (editors may keep folders), or null. Looked up on disk
    /// rather than in the library's snapshot: another host may have written it a moment ago.
    /// </summary>
    public string? PathOf(string slug) =>
        Directory.Exists(library.Location.MaterialsPath)
            ? Directory.EnumerateFiles(library.Location.MaterialsPath, slug + ".md", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex SlugPattern();
}
