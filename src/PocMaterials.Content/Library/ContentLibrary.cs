using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Parsing;

namespace PocMaterials.Content.Library;

/// <summary>
/// Holds the current content and keeps it in step with the files. A file with errors is reported and
/// left out, except that a file which was valid before keeps its last valid version until it is fixed.
/// </summary>
public sealed partial class ContentLibrary : IDisposable
{
    /// <summary>The default size limit of one content file: far above any real material, far below what slows search.</summary>
    public const long DefaultMaxFileBytes = 1024 * 1024;

    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private readonly ContentLocation _location;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly ContentFileReader _reader;
    private readonly DefinitionsLoader _definitions;
    private readonly ContentWatcher _watcher;
    private readonly Dictionary<string, MaterialFile> _materialFiles = new(StringComparer.Ordinal);
    private ContentSnapshot _current = ContentSnapshot.Empty;

    /// <param name="maxFileBytes">A larger file is an error: its text is neither parsed nor indexed.</param>
    /// <param name="rescanInterval">
    /// While watching, how often every file's time stamp and size are compared anyway (zero: never). File
    /// change notifications do not cross hosts on a shared network file system; the rescan does.
    /// </param>
    public ContentLibrary(
        ContentLocation location,
        ILogger<ContentLibrary>? logger = null,
        long maxFileBytes = DefaultMaxFileBytes,
        TimeSpan rescanInterval = default)
    {
        _location = new ContentLocation(Path.GetFullPath(location.ContentPath), Path.GetFullPath(location.ThemesPath));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _reader = new ContentFileReader(_location, maxFileBytes, _logger);
        _definitions = new DefinitionsLoader(_location, _reader);
        _watcher = new ContentWatcher(_location, _logger, rescanInterval, ReloadFromTimer);
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
            return ReloadLocked(_watcher.TakeTouched());
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

    /// <summary>Follows file changes from now on; each burst of changes leads to one reload and one <see cref="Changed"/>.</summary>
    public void StartWatching() => _watcher.Start();

    public void Dispose() => _watcher.Dispose();

    // A timer does not wait behind a long reload (the index rebuilt after a definitions change): it comes back shortly.
    private void ReloadFromTimer()
    {
        if (!_reloadLock.TryEnter())
        {
            _watcher.Postpone();
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
        var touched = _watcher.TakeTouched();
        ContentChange change;
        try
        {
            change = ReloadLocked(touched);
        }
        catch (Exception e)
        {
            // Nothing of this reload counts: its paths wait for the next one, which reads the definitions anew.
            _definitions.ReadAnewNextTime();
            _watcher.Retry(touched, RetryAfterFailure);
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

    private ContentChange ReloadLocked(IReadOnlyCollection<string> touched)
    {
        var previous = _current;
        var definitions = _definitions.Load(touched);
        var errors = new List<ContentError>(definitions.Errors);

        ReloadMaterialFiles(touched, definitions.Changed, definitions.Vocabulary());

        var materials = new Dictionary<string, Material>(StringComparer.Ordinal);
        var slugFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, file) in _materialFiles.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            errors.AddRange(file.Errors);
            if (file.Material is not { } material)
                continue;
            if (slugFiles.TryGetValue(material.Slug, out var first))
            {
                errors.Add(new ContentError(material.SourcePath, 1, "slug", ContentFaults.DuplicateSlug(material.Slug, first)));
                continue;
            }
            slugFiles[material.Slug] = material.SourcePath;
            materials[material.Slug] = material;
        }

        var upserted = materials.Values
            .Where(m => !previous.Materials.TryGetValue(m.Slug, out var old) || !ReferenceEquals(old, m))
            .ToList();
        var removed = previous.Materials.Keys.Where(slug => !materials.ContainsKey(slug)).ToList();
        var changed = definitions.Changed || upserted.Count > 0 || removed.Count > 0;
        var snapshot = new ContentSnapshot(
            definitions.Taxonomy,
            definitions.Contacts.ToDictionary(c => c.Id, StringComparer.Ordinal),
            definitions.Themes,
            materials,
            errors,
            changed ? previous.Version + 1 : previous.Version)
        {
            NewsletterCalendar = definitions.Calendar,
        };
        Volatile.Write(ref _current, snapshot);

        foreach (var error in errors.Except(previous.Errors))
            LogContentError(_logger, error.File, error.Line, error.Field, error.Message);
        if (changed)
        {
            LogContentVersion(
                _logger,
                snapshot.Version,
                materials.Count,
                definitions.Themes.Count,
                errors.Count,
                upserted.Count,
                removed.Count);
        }
        return new ContentChange(snapshot, definitions.Changed, upserted, removed) { Previous = previous };
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
            var read = _reader.ReadText(path, fileErrors);
            // The same bytes as last read (a touch, or the watcher's notice of a write already read) change nothing.
            if (!reparseAll && known is not null && read is not null && read.Hash == known.Hash)
            {
                _materialFiles[path] = known with { Stamp = stamp };
                continue;
            }
            var slug = Path.GetFileNameWithoutExtension(path);
            var material = read is null
                ? null
                : _reader.Parse(path, read.Text, fileErrors,
                    (text, file) => MaterialParser.Parse(slug, text, file, vocabulary, fileErrors));
            _materialFiles[path] = new MaterialFile(stamp, material ?? known?.Material, fileErrors, read?.Hash);
        }
    }

    private sealed record MaterialFile(FileStamp Stamp, Material? Material, IReadOnlyList<ContentError> Errors, string? Hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reloading content failed; trying again in {Seconds} s")]
    private static partial void LogReloadFailed(ILogger logger, Exception? exception, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling content version {Version} failed")]
    private static partial void LogChangeHandlingFailed(ILogger logger, Exception? exception, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content error in {File} line {Line}, field {Field}: {Message}")]
    private static partial void LogContentError(ILogger logger, string file, int line, string field, string message);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Content version {Version}: {Materials} materials, {Themes} themes, {Errors} errors "
            + "({Upserted} added or changed, {Removed} removed)")]
    private static partial void LogContentVersion(
        ILogger logger,
        long version,
        int materials,
        int themes,
        int errors,
        int upserted,
        int removed);
}
