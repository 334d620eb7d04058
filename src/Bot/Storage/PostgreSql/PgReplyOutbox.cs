using System.Text.Json;
using Bot.Builder.Pipeline;
using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>Replies of committed turns not sent yet, shared by every instance on the database.</summary>
public sealed class PgReplyOutbox(PgDatabase db, PgCommitter committer, TimeProvider time) : IReplyOutbox, ISharedReplyOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A turn's replies are released milliseconds after its commit; held a minute, their instance died.</summary>
    public TimeSpan Abandoned => TimeSpan.FromMinutes(1);

    public Task HoldAsync(string turnKey, IReadOnlyList<PendingReply> replies, CancellationToken cancellationToken = default)
    {
        var (json, at) = (JsonSerializer.Serialize(replies, Json), time.GetUtcNow());
        return UnitOfWork.WriteAsync(committer, new PgWrite("held replies", tx => tx.ExecuteAsync(
            "INSERT INTO reply_outbox (turn_key, json, at) VALUES ($1, $2, $3) ON CONFLICT (turn_key) DO UPDATE SET json = EXCLUDED.json, at = EXCLUDED.at",
            turnKey, json, at)), cancellationToken);
    }

    /// <summary>
    /// Part of the unit when there is one; otherwise committed alone. (LiteDB defers this write to save an fsync; a
    /// PostgreSQL server commits many small transactions at once on its own.)
    /// </summary>
    public Task ReleaseAsync(string turnKey, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(committer, new PgWrite("released replies", tx => tx.ExecuteAsync("DELETE FROM reply_outbox WHERE turn_key = $1", turnKey)), cancellationToken);

    public async Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> PendingAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT turn_key, json FROM reply_outbox ORDER BY at, turn_key",
            r => (r.GetString(0), (IReadOnlyList<PendingReply>)(JsonSerializer.Deserialize<List<PendingReply>>(r.GetString(1), Json) ?? [])));

    public async Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.QueryAsync("""
            WITH claimed AS (SELECT turn_key, at FROM reply_outbox WHERE at <= $2 ORDER BY at LIMIT $3 FOR UPDATE SKIP LOCKED)
            UPDATE reply_outbox r SET at = $1 FROM claimed c WHERE r.turn_key = c.turn_key
            RETURNING r.turn_key, r.json, c.at
            """, r => (Key: r.GetString(0), Json: r.GetString(1), At: r.GetFieldValue<DateTimeOffset>(2)), now, now - Abandoned, limit);
        return [.. claimed.OrderBy(c => c.At).Select(c => (c.Key, (IReadOnlyList<PendingReply>)(JsonSerializer.Deserialize<List<PendingReply>>(c.Json, Json) ?? [])))];
    }
}
