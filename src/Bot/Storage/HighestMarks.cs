using System.Globalization;

namespace Bot.Storage;

/// <summary>
/// Per chat, the highest numeric message id marked as processed in the store, so that a new message — whose id is
/// higher than any marked one, as Telegram's message ids grow within a chat — is known to be new without a read. A
/// chat's highest id is read from the store the first time the chat is asked about, and raised by every mark that
/// commits after that. Anything it cannot tell (an id not above the highest, a key that is not "chat:number", a chat
/// whose read a reset overtook) is answered "ask the store". Bounded: past <see cref="Capacity"/> chats all are
/// forgotten and read again.
/// </summary>
public sealed class HighestMarks(int capacity = HighestMarks.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly Dictionary<string, Chat> _chats = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _resets;

    public int Capacity => capacity;

    /// <summary>
    /// True when <paramref name="key"/> is certainly not marked; false when only the store can tell.
    /// <paramref name="loadHighest"/> reads the highest id the store holds for a chat prefix ("telegram:42:").
    /// </summary>
    public bool IsCertainlyNew(string key, Func<string, long?> loadHighest)
    {
        if (!TrySplit(key, out var prefix, out var id)) return false;
        long resets;
        lock (_gate)
        {
            if (_chats.TryGetValue(prefix, out var known) && known.Loaded) return id > known.Highest;
            resets = _resets;
        }
        // Read outside the lock; a mark committed meanwhile is raised into the entry by Marked and merged below.
        var stored = loadHighest(prefix);
        lock (_gate)
        {
            // Forgotten while we read: a mark raised into the dropped entry would be lost, so trust nothing here.
            if (_resets != resets) return false;
            var chat = Entry(prefix);
            chat.Highest = Math.Max(chat.Highest, stored ?? long.MinValue);
            chat.Loaded = true;
            return id > chat.Highest;
        }
    }

    /// <summary>Called after a mark of <paramref name="key"/> committed.</summary>
    public void Marked(string key)
    {
        if (!TrySplit(key, out var prefix, out var id)) return;
        lock (_gate)
        {
            var chat = Entry(prefix);
            chat.Highest = Math.Max(chat.Highest, id);
        }
    }

    /// <summary>The numeric id of a key, or null; for the store's read of a chat's highest mark.</summary>
    public static long? IdOf(string key) => TrySplit(key, out _, out var id) ? id : null;

    private Chat Entry(string prefix)
    {
        if (_chats.TryGetValue(prefix, out var chat)) return chat;
        if (_chats.Count >= capacity)
        {
            _chats.Clear();
            _resets++;
        }
        return _chats[prefix] = new Chat();
    }

    /// <summary>
    /// "telegram:42:1007" → ("telegram:42:", 1007); false for ids that are not plain numbers and for button presses
    /// ("telegram:42:cb…:1007"), whose prefix changes with every press and would only fill the table.
    /// </summary>
    private static bool TrySplit(string key, out string prefix, out long id)
    {
        var colon = key.LastIndexOf(':');
        var first = key.IndexOf(':');
        (prefix, id) = ("", 0);
        if (first <= 0 || colon == first || key.IndexOf(':', first + 1) != colon) return false;
        prefix = key[..(colon + 1)];
        return long.TryParse(key.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    private sealed class Chat
    {
        public long Highest = long.MinValue;
        public bool Loaded;
    }
}
