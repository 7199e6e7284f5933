using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Reach;

/// <summary>How reach is tracked and kept.</summary>
public sealed class ReachOptions
{
    public const string Section = "Reach";

    /// <summary>
    /// The secret that turns a subject into a pseudonymous viewer id. When empty, a random key is
    /// created once in the data folder (reach-pseudonym.key) and kept, so ids stay stable across restarts.
    /// </summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Events waiting for the database at most; past it, new events are dropped and counted.</summary>
    [Range(100, 10_000_000)]
    public int BufferCapacity { get; set; } = 100_000;

    /// <summary>Events written in one round trip at most.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>
    /// How long a shutdown waits for the database to take the buffered events (capped by the host's shutdown
    /// time-out); what it does not take by then is counted as dropped and logged.
    /// </summary>
    [Range(1, 300)]
    public int ShutdownFlushSeconds { get; set; } = 10;

    /// <summary>How long raw view and search events are kept; monthly aggregates are kept forever.</summary>
    [Range(1, 1200)]
    public int RawRetentionMonths { get; set; } = 25;
}
