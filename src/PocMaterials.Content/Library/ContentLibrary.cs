using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Contacts;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Newsletter;
using PocMaterials.Content.Parsing;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Themes;

namespace PocMaterials.Content.Library;

/// <summary>
/// Holds the current content and keeps it in step with the files. A file with errors is reported and
/// left out, except that a file which was valid before keeps its last valid version until it is fixed.
/// </summary>
public sealed partial class ContentLibrary : IDisposable
{
    /// <summary>The default size limit of one content file: far above any real material, far below what slows search.</summary>
    public const long DefaultMaxFileBytes = 1024 * 1024;

    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly ContentLocation _location;
    private readonly ILogger _logger;
    private readonly long _maxFileBytes;
    private readonly Lock _reloadLock = new();
    private readonly Dictionary<string, MaterialFile> _materialFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Theme> _lastValidThemes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounceTimer;
    private readonly TimeSpan _rescanInterval;
    private Timer? _rescanTimer;
    private MaterialTaxonomy? _lastValidTaxonomy;
    private IReadOnlyList<Contact>? _lastValidContacts;
    private NewsletterCalendar? _lastValidCalendar;
    private string _definitionsFingerprint = "";
    private IReadOnlyList<ContentError> _definitionErrors = [];
    private ContentSnapshot _current = ContentSnapshot.Empty;

    /// <param name="maxFileBytes">A larger file is an error: its text is neither parsed nor indexed.</param>
    /// <param name="rescanInterval">
    /// While watching, how often every file's time stamp and size are compared anyway (zero: never). File
    /// change notifications do not cross hosts on a shared network file system; the rescan does.
    /// </param>
    public ContentLibrary(ContentLocation location, ILogger<ContentLibrary>? logger = null, long maxFileBytes = DefaultMaxFileBytes, TimeSpan rescanInterval = default)
    {
        _location = new ContentLocation(Path.GetFullPath(location.ContentPath), Path.GetFullPath(location.ThemesPath));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _maxFileBytes = maxFileBytes;
        _rescanInterval = rescanInterval;
        _debounceTimer = new Timer(_ => ReloadFromTimer());
    }

    public ContentSnapshot Current => Volatile.Read(ref _current);

    public ContentLocation Location => _location;

    /// <summary>
    /// Raised once per reload that changed something, under the reload lock, so in the order the changes
    /// were read. Handlers must be quick and must not write content: they hand their work to a queue (the
    /// search index applies the change itself).
    /// </summary>
    public event EventHandler<ContentChange>? Changed;

    /// <summary>Reads every file anew where it changed since the last reload (or all, the first time).</summary>
    public ContentChange Reload()
    {
        lock (_reloadLock)
            return ReloadLocked(TakeTouched());
    }

    /// <summary>
    /// Reloads now and raises <see cref="Changed"/> if anything changed, without waiting for the watcher: a
    /// write through the API answers once what it wrote is served. A failure is logged, and what it did not
    /// read is read again by a reload a few seconds later.
    /// </summary>
    public void ReloadNow()
    {
        lock (_reloadLock)
            ReloadAndAnnounce();
    }

    // A timer does not wait behind a long reload (the index rebuilt after a definitions change): it comes back shortly.
    private void ReloadFromTimer()
    {
        if (!_reloadLock.TryEnter())
        {
            _debounceTimer.Change(Debounce, Timeout.InfiniteTimeSpan);
            return;
        }
        try
        {
            ReloadAndAnnounce();
        }
        finally
        {
            _reloadLock.Exit();
        }
    }

    private void ReloadAndAnnounce()
    {
        var touched = TakeTouched();
        ContentChange change;
        try
        {
            change = ReloadLocked(touched);
        }
        catch (Exception e)
        {
            // Nothing of this reload counts: its paths wait for the next one, which reads the definitions anew.
            lock (_touched)
                _touched.UnionWith(touched);
            _definitionsFingerprint = "";
            _debounceTimer.Change(RetryAfterFailure, Timeout.InfiniteTimeSpan);
            LogReloadFailed(_logger, e, RetryAfterFailure.TotalSeconds);
            return;
        }
        if (change.IsEmpty)
            return;
        try
        {
            Changed?.Invoke(this, change);
        }
        catch (Exception e)
        {
            LogChangeHandlingFailed(_logger, e, change.Snapshot.Version);
        }
    }

    private string[] TakeTouched()
    {
        lock (_touched)
        {
            string[] touched = [.. _touched];
            _touched.Clear();
            return touched;
        }
    }

    /// <summary>Follows file changes from now on; each burst of changes leads to one reload and one <see cref="Changed"/>.</summary>
    public void StartWatching()
    {
        foreach (var folder in new[] { _location.ContentPath, _location.ThemesPath }.Distinct())
        {
            Directory.CreateDirectory(folder);
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Touch(e.FullPath);
            watcher.Created += (_, e) => Touch(e.FullPath);
            watcher.Deleted += (_, e) => Touch(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Touch(e.OldFullPath);
                Touch(e.FullPath);
            };
            // A lost event (buffer overflow) must not leave the index stale: rescan everything.
            watcher.Error += (_, e) =>
            {
                LogWatcherLostEvents(_logger, e.GetException());
                Touch(folder);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        if (_rescanInterval > TimeSpan.Zero)
            _rescanTimer = new Timer(_ => ReloadFromTimer(), null, _rescanInterval, _rescanInterval);
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
            watcher.Dispose();
        _rescanTimer?.Dispose();
        _debounceTimer.Dispose();
    }

    private void Touch(string path)
    {
        var full = Path.GetFullPath(path);
        // Attachments are no content to parse or index: an upload does not reload anything.
        if (full == _location.AttachmentsPath || full.StartsWith(_location.AttachmentsPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return;
        lock (_touched)
            _touched.Add(full);
        _debounceTimer.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private ContentChange ReloadLocked(IReadOnlyCollection<string> touched)
    {
        var errors = new List<ContentError>();
        var previous = _current;

        var definitionsChanged = ReloadDefinitions(touched, errors, out var taxonomy, out var contacts, out var themes);
        var vocabulary = new MaterialVocabulary(
            taxonomy,
            themes.ToDictionary(t => t.Id, t => t.ContactId, StringComparer.Ordinal),
            contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));

        ReloadMaterialFiles(touched, definitionsChanged, vocabulary);

        var materials = new Dictionary<string, Material>(StringComparer.Ordinal);
        var slugFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, file) in _materialFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            errors.AddRange(file.Errors);
            if (file.Material is not { } material)
                continue;
            if (slugFiles.TryGetValue(material.Slug, out var first))
            {
                errors.Add(new ContentError(material.SourcePath, 1, "slug", $"duplicate slug '{material.Slug}': {first} has the same file name"));
                continue;
            }
            slugFiles[material.Slug] = material.SourcePath;
            materials[material.Slug] = material;
        }

        var upserted = materials.Values.Where(m => !previous.Materials.TryGetValue(m.Slug, out var old) || !ReferenceEquals(old, m)).ToList();
        var removed = previous.Materials.Keys.Where(slug => !materials.ContainsKey(slug)).ToList();
        var changed = definitionsChanged || upserted.Count > 0 || removed.Count > 0;
        var snapshot = new ContentSnapshot(
            taxonomy,
            contacts.ToDictionary(c => c.Id, StringComparer.Ordinal),
            themes,
            materials,
            errors,
            changed ? previous.Version + 1 : previous.Version)
        {
            NewsletterCalendar = _lastValidCalendar ?? NewsletterCalendar.Empty,
        };
        Volatile.Write(ref _current, snapshot);

        foreach (var error in errors.Except(previous.Errors))
            LogContentError(_logger, error.File, error.Line, error.Field, error.Message);
        if (changed)
        {
            LogContentVersion(_logger, snapshot.Version, materials.Count, themes.Count, errors.Count, upserted.Count, removed.Count);
        }
        return new ContentChange(snapshot, definitionsChanged, upserted, removed) { Previous = previous };
    }

    private bool ReloadDefinitions(
        IReadOnlyCollection<string> touched,
        List<ContentError> errors,
        out MaterialTaxonomy taxonomy,
        out IReadOnlyList<Contact> contacts,
        out IReadOnlyList<Theme> themes)
    {
        var themeFiles = Directory.Exists(_location.ThemesPath)
            ? Directory.GetFiles(_location.ThemesPath, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToArray()
            : [];
        var fingerprint = Fingerprint([_location.TaxonomyFile, _location.ContactsFile, _location.NewsletterFile, .. themeFiles]);
        var changed = fingerprint != _definitionsFingerprint || touched.Contains(_location.ContentPath) || touched.Contains(_location.ThemesPath);
        _definitionsFingerprint = fingerprint;

        if (changed)
        {
            var taxonomyErrors = new List<ContentError>();
            _lastValidTaxonomy = ReadFile(_location.TaxonomyFile, taxonomyErrors, (text, file) => TaxonomyParser.Parse(text, file, taxonomyErrors)) ?? _lastValidTaxonomy;
            var contactErrors = new List<ContentError>();
            _lastValidContacts = ReadFile(_location.ContactsFile, contactErrors, (text, file) => ContactsParser.Parse(text, file, contactErrors)) ?? _lastValidContacts;
            _definitionErrors = [.. taxonomyErrors, .. contactErrors];
        }
        taxonomy = _lastValidTaxonomy ?? MaterialTaxonomy.Empty;
        contacts = _lastValidContacts ?? [];

        if (changed)
        {
            var contactIds = contacts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var themeErrors = new List<ContentError>();
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in themeFiles)
            {
                var id = Path.GetFileNameWithoutExtension(path);
                present.Add(id);
                var parseTaxonomy = taxonomy;
                var theme = ReadFile(path, themeErrors, (text, file) => ThemeParser.Parse(id, text, file, parseTaxonomy, contactIds.Contains, themeErrors));
                if (theme is not null)
                    _lastValidThemes[id] = theme;
            }
            foreach (var gone in _lastValidThemes.Keys.Where(id => !present.Contains(id)).ToList())
                _lastValidThemes.Remove(gone);
            _definitionErrors = [.. _definitionErrors, .. themeErrors, .. ReloadNewsletterCalendar(taxonomy)];
        }
        errors.AddRange(_definitionErrors);
        themes = _lastValidThemes.Values.OrderBy(t => t.Title, StringComparer.CurrentCulture).ToList();
        return changed;
    }

    /// <summary>newsletter.yml is optional: without it every month's theme is chosen automatically.</summary>
    private List<ContentError> ReloadNewsletterCalendar(MaterialTaxonomy taxonomy)
    {
        var errors = new List<ContentError>();
        if (!File.Exists(_location.NewsletterFile))
        {
            _lastValidCalendar = NewsletterCalendar.Empty;
            return errors;
        }
        var themeIds = _lastValidThemes.Keys.ToHashSet(StringComparer.Ordinal);
        _lastValidCalendar = ReadFile(_location.NewsletterFile, errors, (text, file) => NewsletterCalendarParser.Parse(text, file, taxonomy, themeIds, errors))
            ?? _lastValidCalendar;
        return errors;
    }

    private void ReloadMaterialFiles(IReadOnlyCollection<string> touched, bool reparseAll, MaterialVocabulary vocabulary)
    {
        var paths = Directory.Exists(_location.MaterialsPath)
            ? Directory.GetFiles(_location.MaterialsPath, "*.md", SearchOption.AllDirectories)
            : [];
        var present = new HashSet<string>(paths, StringComparer.Ordinal);
        foreach (var gone in _materialFiles.Keys.Where(p => !present.Contains(p)).ToList())
            _materialFiles.Remove(gone);

        var touchedSet = touched as IReadOnlySet<string> ?? touched.ToHashSet(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var stamp = FileStamp.Of(path);
            _materialFiles.TryGetValue(path, out var known);
            if (!reparseAll && known is not null && known.Stamp == stamp && !touchedSet.Contains(path))
                continue;
            var fileErrors = new List<ContentError>();
            var read = ReadText(path, fileErrors);
            // The same bytes as last read (a touch, or the watcher's notice of a write already read) change nothing.
            if (!reparseAll && known is not null && read is not null && read.Hash == known.Hash)
            {
                _materialFiles[path] = known with { Stamp = stamp };
                continue;
            }
            var slug = Path.GetFileNameWithoutExtension(path);
            var material = read is null ? null : Parse(path, read.Text, fileErrors, (text, file) => MaterialParser.Parse(slug, text, file, vocabulary, fileErrors));
            _materialFiles[path] = new MaterialFile(stamp, material ?? known?.Material, fileErrors, read?.Hash);
        }
    }

    private T? ReadFile<T>(string path, List<ContentError> errors, Func<string, string, T?> parse)
        where T : class =>
        ReadText(path, errors) is { } read ? Parse(path, read.Text, errors, parse) : null;

    /// <summary>A file's text and the hash of its bytes; null, with the error, when it is too large or cannot be read.</summary>
    private FileText? ReadText(string path, List<ContentError> errors)
    {
        var display = DisplayPath(path);
        try
        {
            var size = new FileInfo(path).Length;
            if (size > _maxFileBytes)
            {
                errors.Add(new ContentError(display, 1, "file", $"is {size:N0} bytes; a content file may be at most {_maxFileBytes:N0} bytes (Content:MaxFileBytes). Split it into several materials."));
                return null;
            }
            var bytes = File.ReadAllBytes(path);
            // As File.ReadAllText reads: UTF-8 unless a byte order mark says otherwise, the mark itself left out.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return new FileText(reader.ReadToEnd(), HashOf(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ContentError(display, 1, "file", $"cannot be read: {e.Message}"));
            return null;
        }
    }

    private T? Parse<T>(string path, string text, List<ContentError> errors, Func<string, string, T?> parse)
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
            LogParsingFailed(_logger, e, display);
            errors.Add(new ContentError(display, 1, "file", $"cannot be parsed: {e.Message}"));
            return null;
        }
    }

    /// <summary>A path as editors know it: relative to the content or themes folder, prefixed by that folder's name.</summary>
    private string DisplayPath(string path)
    {
        foreach (var root in new[] { _location.ThemesPath, _location.ContentPath })
        {
            if (path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return Path.Combine(Path.GetFileName(root), Path.GetRelativePath(root, path)).Replace('\\', '/');
        }
        return path;
    }

    // By content, not time stamp: a write within the file system's time resolution still counts, a touch does not.
    private string Fingerprint(IEnumerable<string> paths) =>
        string.Join('|', paths.Select(p => $"{p}:{HashOfFile(p)}"));

    private string HashOfFile(string path)
    {
        try
        {
            // A file too large to be read is an error anyway: its time stamp and size stand for it.
            var stamp = FileStamp.Of(path);
            if (stamp.Length > _maxFileBytes)
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

    private sealed record FileText(string Text, string Hash);

    private sealed record MaterialFile(FileStamp Stamp, Material? Material, IReadOnlyList<ContentError> Errors, string? Hash);

    private readonly record struct FileStamp(long Ticks, long Length)
    {
        public static FileStamp Of(string path)
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStamp(info.LastWriteTimeUtc.Ticks, info.Length) : default;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading content failed; trying again in {Seconds} s")]
    private static partial void LogReloadFailed(ILogger logger, Exception? exception, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling content version {Version} failed")]
    private static partial void LogChangeHandlingFailed(ILogger logger, Exception? exception, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File watcher lost events; rescanning all content")]
    private static partial void LogWatcherLostEvents(ILogger logger, Exception? exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content error in {File} line {Line}, field {Field}: {Message}")]
    private static partial void LogContentError(ILogger logger, string file, int line, string field, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content version {Version}: {Materials} materials, {Themes} themes, {Errors} errors ({Upserted} added or changed, {Removed} removed)")]
    private static partial void LogContentVersion(ILogger logger, long version, int materials, int themes, int errors, int upserted, int removed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Parsing {File} failed unexpectedly")]
    private static partial void LogParsingFailed(ILogger logger, Exception? exception, string file);
}
