using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Materials;

namespace PocMaterials.Publishing.Attachments;

/// <summary>
/// The attachments of materials, kept as plain files beside the content (so they travel with it, and every
/// host on a shared content folder sees them). An upload is streamed to a temporary file in the target's
/// folder, never beyond the size limit, checked by its bytes, and renamed into place. What is read was
/// checked too, however it got there: a file whose bytes do not match its name is neither listed nor served.
/// </summary>
public sealed partial class AttachmentFiles(ContentLibrary library, Database database, long maxBytes, ILogger<AttachmentFiles> logger)
{
    private readonly ConcurrentDictionary<string, CheckedFile> _checked = new(StringComparer.Ordinal);
    private readonly AttachmentLock _lock = new(database);

    public long MaxBytes => maxBytes;

    /// <summary>True when attachments are stored for the slug, whether or not its material exists now.</summary>
    public bool HasAny(string slug) => List(slug).Count > 0;

    /// <summary>The material's attachments, by name.</summary>
    public IReadOnlyList<Attachment> List(string slug)
    {
        if (FolderOf(slug) is not { } folder || !Directory.Exists(folder) || new DirectoryInfo(folder).LinkTarget is not null)
            return [];
        var attachments = new List<Attachment>();
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            using var opened = Open(slug, Path.GetFileName(path));
            if (opened is not null)
                attachments.Add(opened.Attachment);
        }
        return attachments;
    }

    /// <summary>The attachment and its bytes, opened once so that what is served is what was checked; null when there is none.</summary>
    public OpenedAttachment? Open(string slug, string name)
    {
        if (PathOf(slug, name) is not { } path || !File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            return null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        var updated = File.GetLastWriteTimeUtc(stream.SafeFileHandle);
        var stamp = new FileStamp(updated.Ticks, stream.Length);
        if (!_checked.TryGetValue(path, out var known) || known.Stamp != stamp)
        {
            var type = AttachmentTypes.Detect(stream);
            known = new CheckedFile(
                stamp, ETagOf(SHA256.HashData(Rewound(stream))), type.Type == AttachmentTypes.OfFileName(name) ? type.Type : null);
            if (known.Type is null)
                LogAttachmentMismatch(logger, slug, name, type.Description);
            _checked[path] = known;
        }
        if (known.Type is null)
        {
            stream.Dispose();
            return null;
        }
        return new OpenedAttachment(
            new Attachment(slug, name, stamp.Length, known.Type, new DateTimeOffset(updated), known.ETag), Rewound(stream));
    }

    /// <summary>
    /// Creates the attachment, or replaces it when <paramref name="ifMatch"/> names its stored version. The
    /// caller checked the names (<see cref="MaterialFiles.IsValidSlug"/>, <see cref="AttachmentNames.Problem"/>).
    /// </summary>
    public async Task<AttachmentWrite> WriteAsync(
        string slug, string name, Stream body, string? ifMatch, CancellationToken cancellationToken)
    {
        var path = PathOf(slug, name) ?? throw new ArgumentException($"'{slug}/{name}' is not an attachment's place.", nameof(name));
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        if (new DirectoryInfo(folder).LinkTarget is not null)
            throw new IOException($"The attachments folder of '{slug}' is a link; uploads are not written through links.");
        // A dot and no extension of ours: never listed or served, whatever happens to it.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.upload");
        try
        {
            string etag;
            DetectedType detected;
            await using (var file = new FileStream(
                temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                if (await CopyAtMostAsync(body, file, cancellationToken) is not { } hash)
                    return new AttachmentWrite(AttachmentOutcome.TooLarge);
                etag = ETagOf(hash);
                detected = AttachmentTypes.Detect(file);
            }
            if (detected.Type is null || detected.Type != AttachmentTypes.OfFileName(name))
                return new AttachmentWrite(AttachmentOutcome.WrongType, Detected: detected.Description);

            return await _lock.HoldingAsync(slug, name, () =>
            {
                var existing = File.Exists(path) ? ETagOf(path) : null;
                if (existing is not null && ifMatch is null)
                    return new AttachmentWrite(AttachmentOutcome.Exists);
                if (ifMatch is not null && !EntityTags.IfMatchHolds(ifMatch, existing))
                    return new AttachmentWrite(AttachmentOutcome.Stale);
                File.Move(temporary, path, overwrite: true);
                var written = new FileInfo(path);
                _checked[path] = new CheckedFile(new FileStamp(written.LastWriteTimeUtc.Ticks, written.Length), etag, detected.Type);
                return new AttachmentWrite(existing is null ? AttachmentOutcome.Created : AttachmentOutcome.Replaced,
                    new Attachment(slug, name, written.Length, detected.Type, new DateTimeOffset(written.LastWriteTimeUtc), etag));
            }, cancellationToken);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<AttachmentWrite> DeleteAsync(string slug, string name, string? ifMatch, CancellationToken cancellationToken)
    {
        if (PathOf(slug, name) is not { } path)
            return new AttachmentWrite(AttachmentOutcome.NotFound);
        return await _lock.HoldingAsync(slug, name, () =>
        {
            if (!File.Exists(path))
                return new AttachmentWrite(AttachmentOutcome.NotFound);
            if (ifMatch is not null && !EntityTags.IfMatchHolds(ifMatch, ETagOf(path)))
                return new AttachmentWrite(AttachmentOutcome.Stale);
            File.Delete(path);
            _checked.TryRemove(path, out _);
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
                Directory.Delete(folder);
            return new AttachmentWrite(AttachmentOutcome.Deleted);
        }, cancellationToken);
    }

    /// <returns>The SHA-256 of what was copied, or null as soon as the body turns out longer than the limit.</returns>
    private async Task<byte[]?> CopyAtMostAsync(Stream body, FileStream file, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    return null;
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await file.FlushAsync(cancellationToken);
            return hash.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The folder of a slug's attachments, checked to be directly below the attachments folder.</summary>
    private string? FolderOf(string slug)
    {
        if (!MaterialFiles.IsValidSlug(slug))
            return null;
        var root = library.Location.AttachmentsPath;
        var folder = Path.GetFullPath(Path.Combine(root, slug));
        return Path.GetDirectoryName(folder) == root ? folder : null;
    }

    /// <summary>The file of an attachment, checked to be directly in its slug's folder: never anywhere else.</summary>
    private string? PathOf(string slug, string name)
    {
        if (FolderOf(slug) is not { } folder || AttachmentNames.Problem(name) is not null)
            return null;
        var path = Path.GetFullPath(Path.Combine(folder, name));
        return Path.GetDirectoryName(path) == folder ? path : null;
    }

    private static FileStream Rewound(FileStream stream)
    {
        stream.Position = 0;
        return stream;
    }

    private static string ETagOf(string path)
    {
        using var stream = File.OpenRead(path);
        return ETagOf(SHA256.HashData(stream));
    }

    /// <summary>From the bytes alone, so every host gives a file the same tag.</summary>
    private static string ETagOf(byte[] sha256) => VersionedFiles.ETagOfHash(sha256);

    private readonly record struct FileStamp(long Ticks, long Length);

    private sealed record CheckedFile(FileStamp Stamp, string ETag, AttachmentType? Type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attachment {Slug}/{Name} is {Detected}, not what its name says; it is not served")]
    private static partial void LogAttachmentMismatch(ILogger logger, string slug, string name, string detected);
}
