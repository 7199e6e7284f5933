using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Publishing;

namespace PocMaterials.Publishing.Materials;

/// <summary>A material's file as stored, with the entity tag that a write must name to replace it.</summary>
public sealed record MaterialSource(string Slug, string Text, string ETag);

public enum WriteOutcome
{
    Created,
    Replaced,
    Deleted,
    Invalid,
    NotFound,

    /// <summary>A create over an existing material, without naming its version.</summary>
    Exists,

    /// <summary>The version named (If-Match) is not the one stored: someone changed it meanwhile.</summary>
    Stale,
}

public sealed record WriteResult(WriteOutcome Outcome, string? ETag = null, IReadOnlyList<ContentError>? Errors = null);

/// <summary>
/// Reads and writes the Markdown files of materials for the management API. The files stay the source
/// of truth: a write is validated exactly as a file on disk is, written aside and renamed into place
/// (whole or not at all), and the library's file watcher reindexes it as it does a hand edit.
/// </summary>
public sealed partial class MaterialFiles(ContentLibrary library, long maxFileBytes) : IDisposable
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>Lower-case words joined by hyphens: a file name on every system, never a path.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= 100 && SlugPattern().IsMatch(slug);

    public MaterialSource? Read(string slug)
    {
        if (PathOf(slug) is not { } path)
            return null;
        var bytes = File.ReadAllBytes(path);
        return new MaterialSource(slug, Encoding.UTF8.GetString(bytes), ETagOf(bytes));
    }

    /// <summary>Creates the material, or replaces it when <paramref name="ifMatch"/> names its stored version.</summary>
    public async Task<WriteResult> WriteAsync(string slug, string text, string? ifMatch, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var errors = Validate(slug, text, bytes.Length);
        if (errors.Count > 0)
            return new WriteResult(WriteOutcome.Invalid, Errors: errors);
        await _writes.WaitAsync(cancellationToken);
        try
        {
            var existing = PathOf(slug);
            if (existing is null && ifMatch is not null)
                return new WriteResult(WriteOutcome.Stale);
            if (existing is not null && ifMatch is null)
                return new WriteResult(WriteOutcome.Exists, ETagOf(File.ReadAllBytes(existing)));
            if (existing is not null && ETagOf(File.ReadAllBytes(existing)) != ifMatch)
                return new WriteResult(WriteOutcome.Stale);
            var path = existing ?? Path.Combine(library.Location.MaterialsPath, slug + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{slug}.{Guid.NewGuid():N}.tmp");
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return new WriteResult(existing is null ? WriteOutcome.Created : WriteOutcome.Replaced, ETagOf(bytes));
        }
        finally
        {
            _writes.Release();
        }
    }

    public async Task<WriteResult> DeleteAsync(string slug, string? ifMatch, CancellationToken cancellationToken)
    {
        await _writes.WaitAsync(cancellationToken);
        try
        {
            if (PathOf(slug) is not { } path)
                return new WriteResult(WriteOutcome.NotFound);
            if (ifMatch is not null && ETagOf(File.ReadAllBytes(path)) != ifMatch)
                return new WriteResult(WriteOutcome.Stale);
            File.Delete(path);
            return new WriteResult(WriteOutcome.Deleted);
        }
        finally
        {
            _writes.Release();
        }
    }

    /// <summary>The errors the library would report for this file, with the same parser and the current definitions.</summary>
    private List<ContentError> Validate(string slug, string text, long size)
    {
        var file = $"content/materials/{slug}.md";
        var errors = new List<ContentError>();
        if (size > maxFileBytes)
        {
            errors.Add(new ContentError(file, 1, "file", $"is {size:N0} bytes; a content file may be at most {maxFileBytes:N0} bytes (Content:MaxFileBytes)."));
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

    /// <summary>The file of a slug anywhere below materials/ (editors may keep folders), or null.</summary>
    private string? PathOf(string slug) =>
        Directory.Exists(library.Location.MaterialsPath)
            ? Directory.EnumerateFiles(library.Location.MaterialsPath, slug + ".md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    public void Dispose() => _writes.Dispose();

    private static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
