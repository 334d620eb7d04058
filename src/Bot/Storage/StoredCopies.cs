using System.Collections.Concurrent;

namespace Bot.Storage;

/// <summary>
/// Records as stored, kept in memory so a turn need not read them from the database. A write replaces or drops its
/// record after it commits (<see cref="LiteWrite.Committed"/>); a lookup that read the database before that commit does
/// not put its older copy back. Bounded: past <see cref="Capacity"/> records everything is dropped and read again. With
/// <paramref name="rememberAbsent"/> a record found missing is remembered as missing too, for stores whose every write
/// reports here (a key that most turns read and few ever write, such as a member's language, was otherwise read each time).
/// </summary>
public sealed class StoredCopies<T>(int capacity = StoredCopies<T>.DefaultCapacity, bool rememberAbsent = false) where T : class
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, T?> _copies = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _writes;

    public int Capacity => capacity;

    /// <summary>The stored record (null if none); read through <paramref name="load"/> when not in memory. Callers must not change it.</summary>
    public T? Get(string key, Func<string, T?> load)
    {
        if (_copies.TryGetValue(key, out var copy)) return copy;
        var writes = Interlocked.Read(ref _writes);
        copy = load(key);
        if (copy is null && !rememberAbsent) return null;
        lock (_gate)
        {
            // A write committed while we read: our copy may be older than what is stored now.
            if (_writes == writes) Keep(key, copy);
        }
        return copy;
    }

    /// <summary>
    /// The copy of <paramref name="key"/> if one is kept (<paramref name="stored"/> null: remembered missing). On the writer
    /// thread, between commits, a kept copy is what the last commit left: every write reports here before the next begins.
    /// </summary>
    public bool TryGet(string key, out T? stored) => _copies.TryGetValue(key, out stored);

    /// <summary>Called after a write to <paramref name="key"/> committed; <paramref name="stored"/> is what it wrote, when known.</summary>
    public void Written(string key, T? stored = null)
    {
        lock (_gate)
        {
            _writes++;
            if (stored is null) _copies.TryRemove(key, out _);
            else Keep(key, stored);
        }
    }

    /// <summary>Called after a write that touched records it cannot name one by one (a prefix move).</summary>
    public void WrittenAll()
    {
        lock (_gate)
        {
            _writes++;
            _copies.Clear();
        }
    }

    private void Keep(string key, T? copy)
    {
        if (_copies.Count >= capacity && !_copies.ContainsKey(key)) _copies.Clear();
        _copies[key] = copy;
    }
}
