using PocMaterials.Persistence;
using PocMaterials.Persistence.Queries;

namespace PocMaterials.Newsletter.Sending;

/// <summary>
/// Keeps a run within the relay's limits per minute, hour and day (Microsoft 365: 30 a minute, 10,000 a day). What
/// other runs and hosts handed over comes from PostgreSQL, so the limits hold across restarts and hosts; what this run
/// let through it counts itself, as a mail is let through before it is claimed. A mail waits before it is claimed, so a
/// kill during a long wait (the day's limit reached) leaves nothing uncertain. A mail let through counts in every window
/// until its answer comes, then from that moment: the relay counted it at or before its answer, so a window the relay
/// measures never holds more than the limit, however long a mail waited between being let through and arriving.
/// </summary>
internal sealed class RelayBudget : IDisposable
{
    private static readonly SqlQueries Sql = SqlQueries.For(typeof(RelayBudget));

    // Short, so a test's clock or another host's sends are noticed soon; the check itself is in memory.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RefreshOthers = TimeSpan.FromSeconds(5);

    private readonly Database _database;
    private readonly TimeProvider _time;
    private readonly long _issueId;
    private readonly DateTimeOffset _runStarted;
    private readonly (TimeSpan Length, int Limit)[] _windows;
    private readonly TimeSpan _longest;
    // Both in time order, so a window's use is a binary search rather than a count of a day's mails for every mail.
    // Ours are the answers' times, written by the senders while a mail waits for its window: under a lock of their own.
    private readonly List<DateTimeOffset> _ours = [];
    private readonly Lock _oursLock = new();
    private int _inFlight;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<DateTimeOffset> _others = [];
    private DateTimeOffset _othersRead = DateTimeOffset.MinValue;

    private RelayBudget(Database database, TimeProvider time, long issueId, (TimeSpan, int)[] windows)
    {
        _database = database;
        _time = time;
        _issueId = issueId;
        _runStarted = time.GetUtcNow();
        _windows = windows;
        _longest = windows.Max(w => w.Item1);
    }

    /// <returns>Null when no limit per minute, hour or day is set.</returns>
    public static RelayBudget? For(SmtpOptions options, Database database, TimeProvider time, long issueId)
    {
        (TimeSpan, int)[] windows =
        [
            .. new (TimeSpan, int)[]
            {
                (TimeSpan.FromMinutes(1), options.MessagesPerMinute),
                (TimeSpan.FromHours(1), options.MessagesPerHour),
                (TimeSpan.FromDays(1), options.MessagesPerDay),
            }.Where(w => w.Item2 > 0),
        ];
        return windows.Length == 0 ? null : new RelayBudget(database, time, issueId, windows);
    }

    /// <summary>Waits until one more mail fits every window, and counts it.</summary>
    /// <returns>False when <paramref name="cancellationToken"/> ended the wait: the mail is not let through.</returns>
    public async Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                if (now - _othersRead >= RefreshOthers || now < _othersRead)
                {
                    _others = await ReadOthersAsync(now, cancellationToken);
                    _othersRead = now;
                }
                lock (_oursLock)
                {
                    _ours.RemoveRange(0, _ours.Count - After(_ours, now - _longest));
                    if (_windows.All(w => After(_ours, now - w.Length) + _inFlight + After(_others, now - w.Length) < w.Limit))
                    {
                        _inFlight++;
                        return true;
                    }
                }
                await Task.Delay(Poll, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A mail let through was answered (or failed): from now on it counts from this moment. A mail never answered (the run
    /// stopped) stays counted as in flight until the run ends.
    /// </summary>
    public void Answered()
    {
        lock (_oursLock)
        {
            _inFlight--;
            _ours.Add(_time.GetUtcNow());
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>How many times of an ordered list are later than <paramref name="cutoff"/>.</summary>
    private static int After(List<DateTimeOffset> times, DateTimeOffset cutoff)
    {
        var (low, high) = (0, times.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (times[middle] > cutoff)
                high = middle;
            else
                low = middle + 1;
        }
        return times.Count - low;
    }

    private async Task<List<DateTimeOffset>> ReadOthersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Sql["Use"].Command(_database.DataSource, now, _issueId, _runStarted);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var times = new List<DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
            times.Add(reader.GetFieldValue<DateTimeOffset>(0));
        return times;
    }
}
