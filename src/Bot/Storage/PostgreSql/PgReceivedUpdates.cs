using Bot.Builder.Pipeline;
using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>The durable intake: ids come from an identity column, so they follow arrival order across instances too.</summary>
public sealed class PgReceivedUpdates(PgDatabase db, PgCommitter committer, TimeProvider time) : IReceivedUpdates
{
    public async Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        var ids = new List<long>();
        var now = time.GetUtcNow();
        // Committed at once, whatever unit is around: the platform is told "received" right after this returns.
        await committer.CommitAsync([new PgWrite("received updates", async tx =>
        {
            ids.Clear(); // a unit replayed after a deadlock starts over
            foreach (var payload in payloads)
                ids.Add((long)(await tx.ScalarAsync("INSERT INTO received (channel, payload, at) VALUES ($1, $2, $3) RETURNING id", channel, payload, now))!);
        })], cancellationToken);
        return ids;
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("handled update", tx => tx.ExecuteAsync("DELETE FROM received WHERE id = $1", id)), cancellationToken);

    public async Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT id, payload FROM received WHERE channel = $1 ORDER BY id", r => new ReceivedUpdate(r.GetInt64(0), channel, r.GetString(1)), channel);
}
