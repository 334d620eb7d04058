using System.Collections.Concurrent;

namespace Bot.Builder.Pipeline;

/// <summary>Remembers which channel message ids were processed, so a re-delivered message is handled once.</summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time a key is seen.</summary>
    Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Unmarks a key whose turn did not run to the end (e.g. the service stopped).</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken = default);
}

public sealed class MemoryActivityDeduplicator : IActivityDeduplicator
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_seen.TryAdd(key, 0));

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        _seen.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
