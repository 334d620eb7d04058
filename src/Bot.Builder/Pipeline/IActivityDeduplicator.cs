using System.Collections.Concurrent;

namespace Bot.Builder.Pipeline;

/// <summary>Remembers which channel message ids were processed, so a re-delivered message is handled once.</summary>
public interface IActivityDeduplicator
{
    /// <summary>True when the key was marked before.</summary>
    Task<bool> WasProcessedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Marks the key as processed, as part of the turn's unit of work (committed with the turn's other writes).</summary>
    Task MarkAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Unmarks a key whose turn did not run to the end (e.g. the service stopped).</summary>
    Task ForgetAsync(string key, CancellationToken cancellationToken = default);
}

public sealed class MemoryActivityDeduplicator : IActivityDeduplicator
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public Task<bool> WasProcessedAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_seen.ContainsKey(key));

    public Task MarkAsync(string key, CancellationToken cancellationToken = default)
    {
        _seen.TryAdd(key, 0);
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        _seen.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
