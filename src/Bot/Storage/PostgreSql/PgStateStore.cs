using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>State documents with optimistic concurrency: the version is checked by the INSERT's key and the UPDATE's WHERE.</summary>
public sealed class PgStateStore(PgDatabase db, PgCommitter committer, TimeProvider time) : IStateStore
{
    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        db.FirstAsync("SELECT version, json, updated_at FROM state WHERE key = $1",
            r => new StateDocument(key, r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), key);

    public async Task<long> WriteAsync(string key, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var next = expectedVersion + 1;
        var conflict = () => new StateConflictException(key, expectedVersion);
        await UnitOfWork.WriteAsync(committer, new PgWrite($"state {key}", async tx =>
        {
            var written = expectedVersion == 0
                ? await tx.ExecuteAsync("INSERT INTO state (key, version, json, updated_at) VALUES ($1, 1, $2, $3) ON CONFLICT (key) DO NOTHING", key, json, now)
                : await tx.ExecuteAsync("UPDATE state SET version = $2, json = $3, updated_at = $4 WHERE key = $1 AND version = $5", key, next, json, now, expectedVersion);
            if (written == 0) throw PgTransaction.Refuse(conflict());
        }), cancellationToken);
        return next;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite($"delete state {key}", tx => tx.ExecuteAsync("DELETE FROM state WHERE key = $1", key)), cancellationToken);

    /// <summary>One statement pair in one write: the documents move together or not at all; a key the new chat has is kept.</summary>
    public async Task<int> MovePrefixAsync(string fromPrefix, string toPrefix, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        await UnitOfWork.CommitNowAsync(committer, new PgWrite($"move state {fromPrefix}", async tx =>
        {
            const string Matches = "(key = $1 OR starts_with(key, $1 || '/'))";
            moved = await tx.ExecuteAsync($"""
                INSERT INTO state (key, version, json, updated_at)
                SELECT $2 || substr(key, length($1) + 1), version, json, updated_at FROM state WHERE {Matches}
                ON CONFLICT (key) DO NOTHING
                """, fromPrefix, toPrefix);
            await tx.ExecuteAsync($"DELETE FROM state WHERE {Matches}", fromPrefix);
        }), cancellationToken);
        return moved;
    }
}
