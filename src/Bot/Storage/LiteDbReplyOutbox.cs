using System.Text.Json;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>Replies of committed turns not sent yet (collection "reply_outbox"), through the one writer.</summary>
public sealed class LiteDbReplyOutbox(LiteDatabase db, StorageWriter writer, TimeProvider time) : IReplyOutbox
{
    public const string Collection = "reply_outbox";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task HoldAsync(string turnKey, IReadOnlyList<PendingReply> replies, CancellationToken cancellationToken = default)
    {
        var doc = new BsonDocument { ["_id"] = turnKey, ["Json"] = System.Text.Json.JsonSerializer.Serialize(replies, Json), ["At"] = time.GetUtcNow().UtcDateTime };
        return UnitOfWork.WriteAsync(writer, new LiteWrite("held replies", d => d.GetCollection(Collection).Upsert(doc)), cancellationToken);
    }

    /// <summary>
    /// Inside a unit of work (a failed turn drops its held replies) the release is part of it. After the replies went
    /// out it is deferred: it rides in the next commit rather than costing a commit of its own per turn; a crash in
    /// between means these replies are sent once more at the next start, never lost.
    /// </summary>
    public Task ReleaseAsync(string turnKey, CancellationToken cancellationToken = default)
    {
        var release = new LiteWrite("released replies", d => d.GetCollection(Collection).Delete(turnKey));
        if (UnitOfWork.Current is not null) return UnitOfWork.WriteAsync(writer, release, cancellationToken);
        writer.Defer([release]);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await writer.FlushDeferredAsync(cancellationToken);
        return [.. db.GetCollection(Collection).FindAll()
            .OrderBy(d => d["At"].AsDateTime)
            .Select(d => (d["_id"].AsString, (IReadOnlyList<PendingReply>)(System.Text.Json.JsonSerializer.Deserialize<List<PendingReply>>(d["Json"].AsString, Json) ?? [])))];
    }
}
