using System.Diagnostics;
using PocMaterials.Content.Library;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PocMaterials.Search.Indexing;

/// <summary>
/// Loads the content and builds the search index before the server takes requests, then keeps the
/// index in step with every change to the content files.
/// </summary>
public sealed partial class ContentIndexingService(
    ContentLibrary library,
    MaterialIndex index,
    ILogger<ContentIndexingService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var change = library.Reload();
        index.Rebuild(change.Snapshot);
        library.Changed += OnContentChanged;
        library.StartWatching();
        LogLoadedAndIndexed(
            logger,
            (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            change.Snapshot.Materials.Count,
            change.Snapshot.Errors.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        library.Changed -= OnContentChanged;
        return Task.CompletedTask;
    }

    private void OnContentChanged(object? sender, ContentChange change)
    {
        try
        {
            index.Apply(change);
        }
        catch (Exception e)
        {
            LogIndexUpdateFailed(logger, e);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Content loaded and indexed in {Elapsed} ms: {Materials} materials, {Errors} content errors")]
    private static partial void LogLoadedAndIndexed(ILogger logger, int elapsed, int materials, int errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Updating the search index after a content change failed")]
    private static partial void LogIndexUpdateFailed(ILogger logger, Exception? exception);
}
