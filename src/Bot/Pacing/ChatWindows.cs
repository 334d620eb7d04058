using System.Collections.Concurrent;

namespace Bot.Pacing;

/// <summary>
/// Per-chat sliding windows: "at most N sends in any W". A private chat gets ChatBurst per ChatBurst/rate seconds
/// (1/s on average, a reply in three parts goes at once); a group additionally GroupPerMinute per 60 s.
/// A message reserves its slot when it asks, so two senders to one chat never pick the same slot. Replies are held
/// by the same windows (a reply in four parts sends its fourth a little later), because the platform answers a fifth
/// message in three seconds with a 429 whoever sent it.
/// </summary>
internal sealed class ChatWindows(TimeProvider time, SendLimits limits)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _chats = new(StringComparer.Ordinal);
    // Windows a little over ChatBurst/rate and a minute: a message sent on time may reach the platform some
    // milliseconds after the one that opened the window left, and the platform counts arrivals.
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan GroupWindow = Minute + Margin;
    private readonly TimeSpan _burstWindow = BurstWindow(limits);

    public static TimeSpan BurstWindow(SendLimits limits) => TimeSpan.FromSeconds(limits.ChatBurst / limits.PrivateChatPerSecond) + Margin;
    private long _reservations;

    public int TrackedChats => _chats.Count;

    /// <summary>
    /// The earliest time this chat may receive its next message, and the slot is taken.
    /// </summary>
    public DateTimeOffset Reserve(ConversationAddress to)
    {
        var now = time.GetUtcNow();
        var log = _chats.GetOrAdd(to.ChatId, static _ => []);
        DateTimeOffset at;
        lock (log)
        {
            at = Limit(log, now, limits.ChatBurst, _burstWindow);
            if (to.Kind == ChatKind.Group) at = Limit(log, at, limits.GroupPerMinute, GroupWindow);
            // Kept in time order.
            var i = log.Count;
            while (i > 0 && log[i - 1] > at) i--;
            log.Insert(i, at);
            var keep = to.Kind == ChatKind.Group ? Math.Max(limits.ChatBurst, limits.GroupPerMinute) : limits.ChatBurst;
            if (log.Count > keep) log.RemoveRange(0, log.Count - keep);
        }
        if (Interlocked.Increment(ref _reservations) % 1024 == 0) Forget(now);
        return at;
    }

    private static DateTimeOffset Limit(List<DateTimeOffset> log, DateTimeOffset at, int count, TimeSpan window)
    {
        if (log.Count < count) return at;
        var freeAt = log[^count] + window;
        return freeAt > at ? freeAt : at;
    }

    /// <summary>A chat quiet for longer than every window needs no memory (a 10,000-chat broadcast would keep them all).</summary>
    private void Forget(DateTimeOffset now)
    {
        var horizon = now - (_burstWindow > Minute ? _burstWindow : Minute);
        foreach (var (chat, log) in _chats)
        {
            bool idle;
            lock (log) idle = log.Count == 0 || log[^1] < horizon;
            if (idle) _chats.TryRemove(new KeyValuePair<string, List<DateTimeOffset>>(chat, log));
        }
    }
}
