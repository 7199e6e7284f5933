namespace PocMaterials.Testing;

/// <summary>A clock the test sets, for every feature that takes the host's <see cref="TimeProvider"/>.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
