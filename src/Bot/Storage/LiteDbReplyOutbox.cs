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

    public Task ReleaseAsync(string turnKey, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("released replies", d => d.GetCollection(Collection).Delete(turnKey)), cancellationToken);

    public Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> PendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string, IReadOnlyList<PendingReply>)>>([.. db.GetCollection(Collection).FindAll()
            .OrderBy(d => d["At"].AsDateTime)
            .Select(d => (d["_id"].AsString, (IReadOnlyList<PendingReply>)(System.Text.Json.JsonSerializer.Deserialize<List<PendingReply>>(d["Json"].AsString, Json) ?? [])))]);
}
