using Bot.Storage.PostgreSql;

namespace Bot.Pacing;

/// <summary>
/// The budget shared through PostgreSQL: each message reserves its slot with one call of <c>reserve_send</c>
/// (migration 0004), which applies the rules of this process's own gate — the overall rate with the broadcast's burst
/// (for replies too, see below), the chat's burst window and a group's minute — to the sends of every instance. Times come
/// from the instances' clocks, as the broadcast sender lease's do (kept in step by NTP; the windows are seconds).
/// </summary>
public sealed class PgSendBudget(PgDatabase db, TimeProvider time) : ISharedSendBudget
{
    private long _reservations;

    public bool Shared => true;

    public async ValueTask<DateTimeOffset> ReserveAsync(ConversationAddress to, SendPriority priority, SendLimits limits, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(1 / limits.MessagesPerSecond);
        // One burst for every message here: the shared slots leave room for arrivals bunched by a busy machine (two
        // processes' sends meeting in one second); replies still go first within each instance.
        var burst = SendPacer.Burst;
        var groupCount = to.Kind == ChatKind.Group ? limits.GroupPerMinute : 0;
        var slot = await db.QueryAsync("SELECT reserve_send($1, $2, $3, $4, $5, $6, $7, $8, $9)", r => r.GetFieldValue<DateTimeOffset>(0),
            to.Channel, to.ChatId, now, interval, interval * (burst - 1),
            limits.ChatBurst, ChatWindows.BurstWindow(limits), groupCount, ChatWindows.GroupWindow);
        // A chat quiet for longer than every window needs no row (a 10,000-chat broadcast would keep them all).
        if (Interlocked.Increment(ref _reservations) % 1024 == 0)
            await db.CountAsync("WITH gone AS (DELETE FROM send_chat_windows WHERE sent[array_length(sent, 1)] < $1 RETURNING 1) SELECT count(*) FROM gone",
                now - ChatWindows.GroupWindow - ChatWindows.BurstWindow(limits));
        return slot[0];
    }
}
