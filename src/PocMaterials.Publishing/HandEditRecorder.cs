using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PocMaterials.Content.Library;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Files;
using PocMaterials.Publishing.Versions;

namespace PocMaterials.Publishing;

/// <summary>
/// Keeps the history complete when files change on disk (an editor's hand edit, a git pull, another
/// host): every content file the library accepted that differs from its latest version becomes a version
/// by "file system". At start-up it catches up with everything changed while the server was down.
/// Changes made through the API are already their latest version, so they are not recorded twice; two
/// hosts seeing the same hand edit record it once, under the document's lock.
/// </summary>
public sealed partial class HandEditRecorder(
    ContentLibrary library,
    ContentVersions versions,
    VersionedFiles files,
    ILogger<HandEditRecorder> logger) : BackgroundService
{
    private readonly Channel<IReadOnlyList<(string Document, string? Path)>> _changes =
        Channel.CreateUnbounded<IReadOnlyList<(string Document, string? Path)>>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        library.Changed += OnChanged;
        try
        {
            await RecordAsync(Everything(library.Current), stoppingToken);
            await foreach (var documents in _changes.Reader.ReadAllAsync(stoppingToken))
                await RecordAsync(documents, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is not recorded yet is found again at the next start.
        }
        finally
        {
            library.Changed -= OnChanged;
        }
    }

    private void OnChanged(object? sender, ContentChange change)
    {
        var location = library.Location;
        List<(string, string?)> documents =
        [
            .. change.Upserted.Select(m => (Materials.MaterialFiles.Document(m.Slug), (string?)location.FullPathOf(m.SourcePath))),
            .. change.Removed.Select(slug => (Materials.MaterialFiles.Document(slug), (string?)null)),
        ];
        if (change.DefinitionsChanged)
        {
            var themeIds = change.Previous.Themes.Concat(change.Snapshot.Themes).Select(t => t.Id);
            documents.AddRange(ContentDocuments.Definitions(location, themeIds).Select(d => (d.Document, (string?)d.Path)));
        }
        _changes.Writer.TryWrite(documents);
    }

    private List<(string Document, string? Path)> Everything(ContentSnapshot content) =>
    [
        .. content.Materials.Values
            .Select(m => (Materials.MaterialFiles.Document(m.Slug), (string?)library.Location.FullPathOf(m.SourcePath))),
        .. ContentDocuments.Definitions(library.Location, content.Themes.Select(t => t.Id)).Select(d => (d.Document, (string?)d.Path)),
    ];

    private async Task RecordAsync(IReadOnlyList<(string Document, string? Path)> documents, CancellationToken cancellationToken)
    {
        try
        {
            var recorded = 0;
            foreach (var chunk in documents.Chunk(1000))
            {
                var latest = await versions.LatestETagsAsync([.. chunk.Select(d => d.Document)], cancellationToken);
                foreach (var (document, path) in chunk)
                    recorded += await RecordFoundAsync(document, path, latest, cancellationToken) ? 1 : 0;
            }
            if (recorded > 0)
                LogHandEditsRecorded(logger, recorded, ContentVersions.FileSystem);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The next change or start compares again; the files themselves are safe.
            LogHandEditsFailed(logger, e);
        }
    }

    /// <summary>
    /// One file on its own: a file whose text the database refuses must not keep the others of its batch from their
    /// versions. The database being away still ends the batch, to be compared again at the next change or start.
    /// </summary>
    private async Task<bool> RecordFoundAsync(
        string document, string? path, Dictionary<string, string?> latest, CancellationToken cancellationToken)
    {
        try
        {
            var onDisk = VersionedFiles.Read(path)?.ETag;
            // Only what differs takes the lock; the check under it decides.
            return (latest.TryGetValue(document, out var known) ? known != onDisk : onDisk is not null)
                && await files.RecordFoundAsync(document, path, cancellationToken);
        }
        catch (Exception e) when (DatabaseFailures.IsRefusedData(e))
        {
            LogHandEditFailed(logger, e, document);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} content files changed on disk as versions by '{Author}'")]
    private static partial void LogHandEditsRecorded(ILogger logger, int count, string author);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording content changed on disk as versions failed")]
    private static partial void LogHandEditsFailed(ILogger logger, Exception? exception);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Recording {Document} as changed on disk failed; it is compared again at its next change or start")]
    private static partial void LogHandEditFailed(ILogger logger, Exception? exception, string document);
}
