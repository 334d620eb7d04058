using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>The durable intake in LiteDB (collection "received"); writes go through the one writer.</summary>
public sealed class LiteDbReceivedUpdates(LiteDatabase db, StorageWriter writer, TimeProvider time) : IReceivedUpdates
{
    public const string Collection = "received";

    // The last id given, kept by the writer thread (nothing else writes here): counting the collection and taking its
    // maximum on every webhook post was a query per update. Read from the file once, at the first post.
    private long? _last;

    public async Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        var docs = payloads.Select(p => new BsonDocument { ["Channel"] = channel, ["Payload"] = p, ["At"] = time.GetUtcNow().UtcDateTime }).ToList();
        var ids = new List<long>();
        // Committed at once, whatever unit is around: the platform is told "received" right after this returns.
        await writer.CommitAsync([new LiteWrite("received updates", d =>
        {
            var received = d.GetCollection(Collection);
            // Ids follow arrival order. A rolled-back commit leaves a gap, which is harmless: only the order matters.
            var next = _last ??= received.Count() == 0 ? 0 : received.Max("_id").AsInt64;
            ids.Clear(); // the writer applies a write again when its group failed for another unit's sake
            foreach (var doc in docs)
            {
                doc["_id"] = ++next;
                received.Insert(doc);
                ids.Add(next);
            }
            _last = next;
        })], cancellationToken);
        return ids;
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("handled update", d => d.GetCollection(Collection).Delete(id)), cancellationToken);

    public Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedUpdate>>([.. db.GetCollection(Collection).Find(LiteQuery.Equal("Channel", channel))
            .Select(d => new ReceivedUpdate(d["_id"].AsInt64, channel, d["Payload"].AsString)).OrderBy(u => u.Id)]);
}
