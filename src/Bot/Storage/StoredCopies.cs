using System.Collections.Concurrent;

namespace Bot.Audience;

/// <summary>
/// Chat records as stored, kept in memory so a turn need not read its chat from the database. A write drops its record
/// after it commits; a lookup that read the database before that commit does not put its (older) copy back.
/// </summary>
internal sealed class SeenChats
{
    private readonly ConcurrentDictionary<string, KnownChat> _chats = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _drops;

    /// <summary>The stored record (null if none); read through <paramref name="load"/> when not in memory. Do not change it.</summary>
    public KnownChat? Get(string key, Func<string, KnownChat?> load)
    {
        if (_chats.TryGetValue(key, out var chat)) return chat;
        var drops = Interlocked.Read(ref _drops);
        chat = load(key);
        if (chat is null) return null;
        lock (_gate)
        {
            // A write committed while we read: our copy may be older than what is stored now.
            if (_drops == drops) _chats[key] = chat;
        }
        return chat;
    }

    /// <summary>Called after a write to <paramref name="key"/> committed; <paramref name="stored"/> is what it wrote, when known.</summary>
    public void Drop(string key, KnownChat? stored = null)
    {
        lock (_gate)
        {
            _drops++;
            if (stored is null) _chats.TryRemove(key, out _);
            else _chats[key] = stored;
        }
    }
}
