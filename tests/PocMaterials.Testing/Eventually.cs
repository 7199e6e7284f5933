namespace PocMaterials.Testing;

/// <summary>
/// The one way tests wait for what a background part (a job, a writer, a file watcher, a restarted server)
/// does by itself. Each wait keeps its own deadline in <c>seconds</c>.
/// </summary>
public static class Eventually
{
    /// <summary>Checks the condition every 100 ms; throws <paramref name="failure"/> when it is not true in time.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string failure, int seconds = 90) =>
        TrueAsync(condition, () => failure, seconds);

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, string, int)"/>
    public static Task TrueAsync(Func<bool> condition, string failure, int seconds = 90) =>
        TrueAsync(() => Task.FromResult(condition()), () => failure, seconds);

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, string, int)"/>
    public static Task TrueAsync(Func<bool> condition, Func<string> failure, int seconds = 90) =>
        TrueAsync(() => Task.FromResult(condition()), failure, seconds);

    /// <summary>
    /// Checks the condition every 100 ms; throws with the message <paramref name="failure"/> gives at the
    /// deadline, so that it can say what the last check saw.
    /// </summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, Func<string> failure, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"{failure()} (waited {seconds} s)");
            await Task.Delay(100);
        }
    }
}
