using Microsoft.Extensions.Logging;

namespace PocMaterials.Content.Library;

/// <summary>
/// Turns file notifications and a periodic rescan into "something changed", once per burst of changes,
/// and remembers the paths the notifications named until a reload takes them.
/// </summary>
internal sealed partial class ContentWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    private readonly ContentLocation _location;
    private readonly ILogger _logger;
    private readonly TimeSpan _rescanInterval;
    private readonly Action _changed;
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _debounceTimer;
    private Timer? _rescanTimer;

    /// <param name="changed">Called on a timer's thread after a burst of changes, on each rescan and when asked again.</param>
    public ContentWatcher(ContentLocation location, ILogger logger, TimeSpan rescanInterval, Action changed)
    {
        _location = location;
        _logger = logger;
        _rescanInterval = rescanInterval;
        _changed = changed;
        _debounceTimer = new Timer(_ => _changed());
    }

    /// <summary>Follows file changes from now on, and rescans every rescan interval (if not zero).</summary>
    public void Start()
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
            _rescanTimer = new Timer(_ => _changed(), null, _rescanInterval, _rescanInterval);
    }

    /// <summary>The paths named since the last call (a folder stands for everything in it).</summary>
    public string[] TakeTouched()
    {
        lock (_touched)
        {
            string[] touched = [.. _touched];
            _touched.Clear();
            return touched;
        }
    }

    /// <summary>Asks again after the usual pause, restarting it: a burst of changes goes on, or the reload could not start yet.</summary>
    public void Postpone() => _debounceTimer.Change(Debounce, Timeout.InfiniteTimeSpan);

    /// <summary>Gives back the paths a failed reload took, and asks again after <paramref name="delay"/>.</summary>
    public void Retry(IEnumerable<string> touched, TimeSpan delay)
    {
        lock (_touched)
            _touched.UnionWith(touched);
        _debounceTimer.Change(delay, Timeout.InfiniteTimeSpan);
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
        var attachments = _location.AttachmentsPath;
        if (full == attachments || full.StartsWith(attachments + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            return;
        lock (_touched)
            _touched.Add(full);
        Postpone();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "File watcher lost events; rescanning all content")]
    private static partial void LogWatcherLostEvents(ILogger logger, Exception? exception);
}
