using Bot.Builder.Pipeline;
using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// The durable intake: ids come from an identity column, so they follow arrival order across instances too. Each row
/// names its owner (<see cref="PgInstance"/>), so a live instance can claim what a dead one acknowledged and never handled.
/// </summary>
public sealed class PgReceivedUpdates(PgDatabase db, PgCommitter committer, PgInstance instance, TimeProvider time) : IReceivedUpdates, ISharedReceivedUpdates
{
    public TimeSpan TakeOverEvery => TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        // Rows of an owner without a heartbeat look dead: the first beat goes before the first row.
        await instance.EnsureAliveAsync(cancellationToken);
        var ids = new List<long>();
        var now = time.GetUtcNow();
        // Committed at once, whatever unit is around: the platform is told "received" right after this returns.
        await committer.CommitAsync([new PgWrite("received updates", async tx =>
        {
            ids.Clear(); // a unit replayed after a deadlock starts over
            foreach (var payload in payloads)
                ids.Add((long)(await tx.ScalarAsync("INSERT INTO received (channel, payload, at, owner) VALUES ($1, $2, $3, $4) RETURNING id", channel, payload, now, instance.Id))!);
        })], cancellationToken);
        return ids;
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("handled update", tx => tx.ExecuteAsync("DELETE FROM received WHERE id = $1", id)), cancellationToken);

    public async Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT id, payload FROM received WHERE channel = $1 ORDER BY id", r => new ReceivedUpdate(r.GetInt64(0), channel, r.GetString(1)), channel);

    public async Task<IReadOnlyList<ReceivedUpdate>> ClaimStrandedAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken cancellationToken = default)
    {
        // The claimer's own heartbeat first: what it claims must not look dead to the next claimer.
        await instance.EnsureAliveAsync(cancellationToken);
        var now = time.GetUtcNow();
        // One statement; SKIP LOCKED passes over rows another claimer is taking, and a row it already took is re-checked
        // by PostgreSQL on its new owner (alive), so two claimers never take the same row. Own rows are never claimed:
        // this instance is handling them (its heartbeat may only be late, e.g. the database was briefly unreachable).
        var claimed = await db.QueryAsync("""
            WITH stranded AS (
                SELECT id FROM received r
                WHERE channel = ANY($2) AND (owner IS NULL OR (owner <> $1
                    AND NOT EXISTS (SELECT 1 FROM instances i WHERE i.id = r.owner AND i.heartbeat_at >= $3)))
                ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
            UPDATE received r SET owner = $1 FROM stranded s WHERE r.id = s.id
            RETURNING r.id, r.channel, r.payload
            """, r => new ReceivedUpdate(r.GetInt64(0), r.GetString(1), r.GetString(2)),
            instance.Id, channels.ToArray(), now - PgInstance.DeadAfter, (long)limit);
        return [.. claimed.OrderBy(u => u.Id)];
    }
}
