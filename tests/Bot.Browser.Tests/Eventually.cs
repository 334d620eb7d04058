namespace Bot.Browser.Tests;

/// <summary>Waits for a condition on the server side (a stored pledge), polling briefly; never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, TimeSpan? within = null) where T : class
    {
        var until = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await read() is { } value) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException("The condition was not met in time.");
            await Task.Delay(50);
        }
    }
}
