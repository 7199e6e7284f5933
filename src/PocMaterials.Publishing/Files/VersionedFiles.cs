using System.Security.Cryptography;
using System.Text;
using PocMaterials.Content.Library;
using PocMaterials.Content.Parsing;
using PocMaterials.Publishing.Versions;
using PocMaterials.Content;

namespace PocMaterials.Publishing.Files;

/// <summary>A content file as stored, with the entity tag that a write must name to replace it.</summary>
public sealed record FileSource(string Text, string ETag);

public enum WriteOutcome
{
    Created,
    Replaced,
    Deleted,
    Invalid,
    NotFound,

    /// <summary>A create over an existing file, without naming its version.</summary>
    Exists,

    /// <summary>The version named (If-Match) is not the one stored: someone changed it meanwhile.</summary>
    Stale,
}

public sealed record WriteResult(
    WriteOutcome Outcome, string? ETag = null, IReadOnlyList<ContentError>? Errors = null, int? Version = null);

/// <summary>One change of a content file: its new bytes, or null to remove it.</summary>
/// <param name="Locate">Where the file is now (null: it does not exist); asked under the lock.</param>
/// <param name="NewPath">Where a file that does not exist yet is written.</param>
/// <param name="IfMatch">The ETag of the version the editor changed; null for a create.</param>
/// <param name="Overwrite">Replace whatever is stored without naming it (a restore: what it replaces stays a version).</param>
/// <param name="Summary">What the version says it did; null to describe the difference.</param>
public sealed record FileChange(
    string Document,
    Func<string?> Locate,
    string NewPath,
    byte[]? Bytes,
    string? IfMatch,
    string Author,
    bool Overwrite = false,
    string? Summary = null);

/// <summary>
/// Writes content files as the management API changes them: under the document's lock shared by every
/// host, checked against the version the editor read, recorded as a version, then written aside and
/// renamed into place (whole or not at all). The library then reloads it at once (<see cref="Served"/>).
/// </summary>
public sealed class VersionedFiles(ContentVersions versions, ContentLibrary library)
{
    public static string ETagOf(byte[] bytes) => ETagOfHash(SHA256.HashData(bytes));

    /// <summary>The entity tag of content whose SHA-256 is given: the same on every host, for every kind of file.</summary>
    public static string ETagOfHash(ReadOnlySpan<byte> sha256) => $"\"{Convert.ToHexStringLower(sha256)[..32]}\"";

    public static FileSource? Read(string? path)
    {
        if (path is null || !File.Exists(path))
            return null;
        var bytes = File.ReadAllBytes(path);
        return new FileSource(Encoding.UTF8.GetString(bytes), ETagOf(bytes));
    }

    public async Task<WriteResult> WriteAsync(FileChange change, CancellationToken cancellationToken) =>
        Served(await versions.ChangeAsync(change.Document, async history =>
        {
            var path = change.Locate();
            var current = Read(path);
            if (Refusal(change, current) is { } refused)
                return refused;
            await RecordUnseenAsync(history, current, cancellationToken);
            var text = change.Bytes is null ? null : Encoding.UTF8.GetString(change.Bytes);
            var etag = change.Bytes is null ? null : ETagOf(change.Bytes);
            var summary = change.Summary ?? ChangeSummaries.Describe(current?.Text, text);
            var version = await history.RecordAsync(text, etag, change.Author, summary, cancellationToken);
            if (change.Bytes is null)
            {
                File.Delete(path!);
                return new WriteResult(WriteOutcome.Deleted, Version: version);
            }
            await WriteWholeAsync(path ?? change.NewPath, change.Bytes, cancellationToken);
            return new WriteResult(current is null ? WriteOutcome.Created : WriteOutcome.Replaced, etag, Version: version);
        }, cancellationToken));

    /// <summary>
    /// A committed write is read by the library at once, not after the file watcher's delay: whoever wrote it
    /// reads it back from this host (a GET, a search) as soon as the write is answered.
    /// </summary>
    public WriteResult Served(WriteResult result)
    {
        if (result.Outcome is WriteOutcome.Created or WriteOutcome.Replaced or WriteOutcome.Deleted)
            library.ReloadNow();
        return result;
    }

    /// <summary>Records the file as found on disk when it differs from its latest version (a hand edit).</summary>
    /// <returns>Whether a version was recorded.</returns>
    public Task<bool> RecordFoundAsync(string document, string? path, CancellationToken cancellationToken) =>
        versions.ChangeAsync(document, history => RecordUnseenAsync(history, Read(path), cancellationToken), cancellationToken);

    /// <summary>
    /// Writes to a temporary file beside the target, then renames it over: readers see the old file or the new, never half.
    /// </summary>
    public static async Task WriteWholeAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static WriteResult? Refusal(FileChange change, FileSource? current)
    {
        if (change.Bytes is null && current is null)
            return new WriteResult(WriteOutcome.NotFound);
        if (change.IfMatch is { } ifMatch)
            return EntityTags.IfMatchHolds(ifMatch, current?.ETag) ? null : new WriteResult(WriteOutcome.Stale);
        // Without If-Match: a delete or a restore takes whatever is stored, a create only an empty place.
        return change.Bytes is null || change.Overwrite || current is null ? null : new WriteResult(WriteOutcome.Exists, current.ETag);
    }

    /// <summary>A change on disk that no version holds yet becomes a version of its own first, so the history has no gaps.</summary>
    private static async Task<bool> RecordUnseenAsync(DocumentHistory history, FileSource? current, CancellationToken cancellationToken)
    {
        var latest = await history.LatestAsync(cancellationToken);
        // A NUL is a content error the library reports at its line, and no PostgreSQL text holds it: such a file
        // is no version (refused rather than kept as bytes, as every write through the API refuses it too).
        if (latest?.Version.ETag == current?.ETag || (current is not null && ContentText.NulLine(current.Text) is not null))
            return false;
        var summary = ChangeSummaries.Describe(latest?.Text, current?.Text);
        await history.RecordAsync(current?.Text, current?.ETag, ContentVersions.FileSystem, summary, cancellationToken);
        return true;
    }
}
