using System.Text.Json;
using Bot.Builder.Pipeline;
using Bot.Builder.State;

namespace Bot.Storage.PostgreSql;

/// <summary>Replies of committed turns not sent yet.</summary>
public sealed class PgReplyOutbox(PgDatabase db, PgCommitter committer, TimeProvider time) : IReplyOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
}
