using System.Globalization;

namespace PocMaterials.Persistence;

/// <summary>
/// Holds the data folder for this process: one server per folder, since a second one would stop the
/// first one's PostgreSQL cluster and rebuild the search index under it. The lock is an exclusive
/// lock on <c>pocmaterials.lock</c>, released by the operating system when the process ends, so a
/// killed server leaves nothing to clean up; <c>pocmaterials.pid</c> says who holds it.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _lock;

    private DataFolderLock(string path, FileStream @lock)
    {
        Path = path;
        _lock = @lock;
    }

    /// <summary>The data folder, as a full path.</summary>
    public string Path { get; }

    /// <exception cref="DataFolderInUseException">Another process holds the folder.</exception>
    public static DataFolderLock Acquire(string dataPath)
    {
        var path = System.IO.Path.GetFullPath(dataPath);
        Directory.CreateDirectory(path);
        var holderFile = System.IO.Path.Combine(path, "pocmaterials.pid");
        FileStream @lock;
        try
        {
            @lock = new FileStream(
                System.IO.Path.Combine(path, "pocmaterials.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            var holder = File.Exists(holderFile) ? File.ReadAllText(holderFile).Trim() : "unknown";
            throw new DataFolderInUseException(
                $"The data folder {path} is in use by another PocMaterials server (process {holder}). " +
                "Stop that server, or give this one a data folder of its own (Data:DataPath).", holder, e);
        }
        File.WriteAllText(holderFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        return new DataFolderLock(path, @lock);
    }

    public void Dispose() => _lock.Dispose();
}

/// <summary>The data folder is held by another server process.</summary>
public sealed class DataFolderInUseException(string message, string holder, Exception inner) : InvalidOperationException(message, inner)
{
    /// <summary>The process id of the server holding the folder, or "unknown".</summary>
    public string Holder => holder;
}
