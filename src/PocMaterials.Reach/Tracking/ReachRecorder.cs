using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PocMaterials.Reach.Tracking;

/// <summary>
/// Takes reach events from requests without a database round trip: they wait in a bounded in-memory
/// buffer for <see cref="ReachEventWriter"/>. When the buffer is full (a long database outage) new
/// events are dropped, counted and logged, rather than letting memory grow without bound.
/// </summary>
public sealed partial class ReachRecorder
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<ReachEvent> _buffer;
    private readonly ILogger<ReachRecorder> _logger;
    private readonly TimeProvider _time;
    private long _dropped;
    private long _lastWarningTicks;

    public ReachRecorder(IOptions<ReachOptions> options, ILogger<ReachRecorder> logger, TimeProvider time)
    {
        _buffer = Channel.CreateBounded<ReachEvent>(new BoundedChannelOptions(options.Value.BufferCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _logger = logger;
        _time = time;
    }

    /// <summary>Events dropped because the buffer was full or the recorder had stopped.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events waiting to be written.</summary>
    public int Pending => _buffer.Reader.Count;

    internal ChannelReader<ReachEvent> Reader => _buffer.Reader;

    public void Record(ReachEvent reachEvent)
    {
        if (_buffer.Writer.TryWrite(reachEvent))
            return;
        var dropped = Interlocked.Increment(ref _dropped);
        var now = _time.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last >= WarningInterval.Ticks && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
            LogBufferFull(_logger, dropped, Pending);
    }

    internal void CountDropped(int count) => Interlocked.Add(ref _dropped, count);

    /// <summary>No more events are accepted; what is buffered can still be read.</summary>
    internal void Complete() => _buffer.Writer.TryComplete();

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Reach buffer full or closed: {Dropped} events dropped so far ({Pending} waiting for the database)")]
    private static partial void LogBufferFull(ILogger logger, long dropped, int pending);
}
