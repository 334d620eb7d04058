namespace Bot.Storage.PostgreSql;

/// <summary>
/// This process among the instances sharing the database: an id, and a heartbeat row the others read to tell whether
/// it is alive. Stored updates carry their owner's id; an owner whose heartbeat is older than <see cref="DeadAfter"/>
/// (or that has no row) is taken for dead and its updates are claimed by a live instance. Like the broadcast lease,
/// expiry compares the instances' clocks (NTP keeps them far closer than <see cref="DeadAfter"/>).
/// </summary>
public sealed class PgInstance(PgDatabase db, TimeProvider time)
{
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(10);

    /// <summary>Four missed beats and a half: a busy or briefly disconnected instance is not taken for dead.</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(45);

    /// <summary>Rows of instances gone this long are of no use to anyone (a missing row means dead just the same).</summary>
    private static readonly TimeSpan Forgotten = TimeSpan.FromDays(1);

    private volatile bool _registered;

    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task BeatAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await db.CountAsync("""
            WITH beat AS (INSERT INTO instances (id, heartbeat_at) VALUES ($1, $2)
                          ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at RETURNING 1),
                 gone AS (DELETE FROM instances WHERE heartbeat_at < $3 AND id <> $1 RETURNING 1)
            SELECT count(*) FROM beat
            """, Id, now, now - Forgotten);
        _registered = true;
    }

    /// <summary>Before this instance stores or claims anything: rows owned by an id without a heartbeat look dead to the others.</summary>
    public Task EnsureAliveAsync(CancellationToken cancellationToken = default) =>
        _registered ? Task.CompletedTask : BeatAsync(cancellationToken);

    /// <summary>A clean stop: what this instance leaves unhandled can be claimed at once instead of after <see cref="DeadAfter"/>.</summary>
    public async Task LeaveAsync()
    {
        _registered = false;
        await db.CountAsync("WITH gone AS (DELETE FROM instances WHERE id = $1 RETURNING 1) SELECT count(*) FROM gone", Id);
    }
}
