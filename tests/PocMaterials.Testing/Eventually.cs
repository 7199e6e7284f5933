namespace PocMaterials.Testing;

/// <summary>Waits for what a background part (a job, a writer, a restarted server) does by itself.</summary>
public static class Eventually
{
    /// <summary>Checks the condition every 100 ms; throws <paramref name="failure"/> when it is not true in time.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string failure, int seconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"{failure} (waited {seconds} s)");
            await Task.Delay(100);
        }
    }

    /// <inheritdoc cref="TrueAsync(Func{Task{bool}}, string, int)"/>
    public static Task TrueAsync(Func<bool> condition, string failure, int seconds = 90) =>
        TrueAsync(() => Task.FromResult(condition()), failure, seconds);
}
