namespace Bot.Builder.Pipeline;

/// <summary>
/// Runs work for one key strictly in arrival order (a FIFO chain of tasks), while different keys run in parallel.
/// A SemaphoreSlim would serialise too, but does not promise FIFO order.
/// </summary>
public sealed class ConversationQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public Task<T> Enqueue<T>(string key, Func<Task<T>> work)
    {
        Task<T> next;
        lock (_gate)
        {
            var previous = _tails.GetValueOrDefault(key) ?? Task.CompletedTask;
            next = RunAfter(previous, work);
            _tails[key] = next;
        }
        _ = next.ContinueWith(_ =>
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(key, out var tail) && tail == next) _tails.Remove(key);
            }
        }, TaskScheduler.Default);
        return next;
    }

    public int ActiveKeys
    {
        get { lock (_gate) return _tails.Count; }
    }

    private static async Task<T> RunAfter<T>(Task previous, Func<Task<T>> work)
    {
        // Never run a turn inside the caller's lock (or on the caller's stack).
        await Task.Yield();
        try { await previous.ConfigureAwait(false); }
        catch { /* the previous turn's failure was handled by its own caller */ }
        return await work().ConfigureAwait(false);
    }
}
