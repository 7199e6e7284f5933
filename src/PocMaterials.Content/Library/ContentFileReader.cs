using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Content.Library;

/// <summary>
/// Reads content files for the library within the size limit, so one oversized, unreadable or unparsable
/// file is that file's error; and tells by their bytes whether files changed.
/// </summary>
internal sealed partial class ContentFileReader(ContentLocation location, long maxFileBytes, ILogger logger)
{
    /// <summary>A file read and parsed; null, with the error, when it cannot be read or parsed.</summary>
    public T? Read<T>(string path, List<ContentError> errors, Func<string, string, T?> parse)
        where T : class =>
        ReadText(path, errors) is { } read ? Parse(path, read.Text, errors, parse) : null;

    /// <summary>A file's text and the hash of its bytes; null, with the error, when it is too large or cannot be read.</summary>
    public FileText? ReadText(string path, List<ContentError> errors)
    {
        var display = DisplayPath(path);
        try
        {
            var size = new FileInfo(path).Length;
            if (size > maxFileBytes)
            {
                errors.Add(new ContentError(display, 1, "file", ContentFaults.FileTooLarge(size, maxFileBytes)));
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            // As File.ReadAllText reads: UTF-8 unless a byte order mark says otherwise, the mark itself left out.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new FileText(reader.ReadToEnd(), HashOf(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ContentError(display, 1, "file", ContentFaults.Unreadable(e.Message)));
            return null;
        }
    }

    /// <summary>A file's text parsed; null, with the error, when the parser throws.</summary>
    public T? Parse<T>(string path, string text, List<ContentError> errors, Func<string, string, T?> parse)
        where T : class
    {
        var display = DisplayPath(path);
        try
        {
            return parse(text, display);
        }
        catch (Exception e)
        {
            // The parsers report what they know; anything else a file makes them throw is still that file's error.
            LogParsingFailed(logger, e, display);
            errors.Add(new ContentError(display, 1, "file", ContentFaults.Unparsable(e.Message)));
            return null;
        }
    }

    // By content, not time stamp: a write within the file system's time resolution still counts, a touch does not.
    public string Fingerprint(IEnumerable<string> paths) =>
        string.Join('|', paths.Select(p => $"{p}:{HashOfFile(p)}"));

    /// <summary>A path as editors know it: relative to the content or themes folder, prefixed by that folder's name.</summary>
    private string DisplayPath(string path)
    {
        foreach (var root in new[] { location.ThemesPath, location.ContentPath })
        {
            if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return Path.Combine(Path.GetFileName(root), Path.GetRelativePath(root, path)).Replace('\\', '/');
        }
        return path;
    }

    private string HashOfFile(string path)
    {
        try
        {
            // A file too large to be read is an error anyway: its time stamp and size stand for it.
            var stamp = FileStamp.Of(path);
            if (stamp.Length > maxFileBytes)
                return stamp.ToString();
            using var stream = File.OpenRead(path);
            return Convert.ToHexString(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable: the parsers report it when they read it.
            return e.GetType().Name;
        }
    }

    private static string HashOf(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {File} failed unexpectedly")]
    private static partial void LogParsingFailed(ILogger logger, Exception? exception, string file);
}

/// <summary>A file's text and the hash of its bytes, which tells a rewrite with the same bytes from a change.</summary>
internal sealed record FileText(string Text, string Hash);

/// <summary>A file's time stamp and size: when both are as last read, the file is not read again.</summary>
internal readonly record struct FileStamp(long Ticks, long Length)
{
    public static FileStamp Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.LastWriteTimeUtc.Ticks, info.Length) : default;
    }
}
