using System.Collections.Concurrent;

namespace Bot.Builder.State;

public sealed class MemoryStateStore(TimeProvider time) : IStateStore
{
    private readonly ConcurrentDictionary<string, StateDocument> _docs = new(StringComparer.Ordinal);

    public MemoryStateStore() : this(TimeProvider.System) { }

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_docs.TryGetValue(key, out var d) ? d : null);

    public Task<long> WriteAsync(string key, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var next = new StateDocument(key, expectedVersion + 1, json, time.GetUtcNow());
        var ok = expectedVersion == 0
            ? _docs.TryAdd(key, next)
            : _docs.TryGetValue(key, out var current) && current.Version == expectedVersion && _docs.TryUpdate(key, next, current);
        if (!ok) throw new StateConflictException(key, expectedVersion);
        return Task.FromResult(next.Version);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _docs.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task<int> MovePrefixAsync(string fromPrefix, string toPrefix, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        foreach (var key in _docs.Keys.Where(k => k == fromPrefix || k.StartsWith(fromPrefix + "/", StringComparison.Ordinal)).ToList())
        {
            if (!_docs.TryRemove(key, out var doc)) continue;
            var target = toPrefix + key[fromPrefix.Length..];
            if (_docs.TryAdd(target, doc with { Key = target })) moved++;
        }
        return Task.FromResult(moved);
    }
}
