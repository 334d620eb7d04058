using Bot.Builder.Pipeline;
using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// Processed message ids (kept 48 hours). The mark is a plain INSERT on the primary key: when another instance
/// handled the same message first, this turn's whole transaction is refused, so nothing is answered or stored twice.
/// </summary>
public sealed class PgDeduplicator(PgDatabase db, PgCommitter committer, TimeProvider time) : IActivityDeduplicator
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(48);
    private long _marks;

    public async Task<bool> WasProcessedAsync(string key, CancellationToken cancellationToken = default) =>
        await db.CountAsync("SELECT count(*) FROM processed WHERE key = $1", key) > 0;

    public Task MarkAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var prune = Interlocked.Increment(ref _marks) % 1000 == 0;
        return UnitOfWork.WriteAsync(committer, new PgWrite("mark processed", async tx =>
        {
            await tx.ExecuteAsync("INSERT INTO processed (key, at) VALUES ($1, $2)", key, now);
            if (prune) await tx.ExecuteAsync("DELETE FROM processed WHERE at < $1", now - Keep);
        }, () => new ActivityAlreadyProcessedException(key)), cancellationToken);
    }

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("forget processed", tx => tx.ExecuteAsync("DELETE FROM processed WHERE key = $1", key)), cancellationToken);
}

