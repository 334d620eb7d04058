using System.Collections.Concurrent;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>The durable intake in LiteDB (collection "received"); writes go through the one writer.</summary>
public sealed class LiteDbReceivedUpdates(LiteDatabase db, StorageWriter writer, TimeProvider time) : IReceivedUpdates
{
    public const string Collection = "received";

    // Counting the collection and taking its maximum on every post was a query per update: the last id given is
    // kept here, read from the file once, at the first post. Ids are taken on arrival, so they follow arrival order.
    private long _last = -1;
    private readonly Lock _firstRead = new();

    // Webhook updates whose stored copy is held back for their turn's commit (StorageWriter.Hold), by id.
    private readonly ConcurrentDictionary<long, StorageWriter.Held> _held = new();

    public async Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var docs = payloads.Select(p => Document(NextId(), channel, p, at)).ToList();
        // Committed at once, whatever unit is around: the platform is told "received" right after this returns.
        await writer.CommitAsync([new LiteWrite("received updates", d =>
        {
            var received = d.GetCollection(Collection);
            foreach (var doc in docs) received.Insert(doc);
        })], cancellationToken);
        return [.. docs.Select(d => d["_id"].AsInt64)];
    }

    public Task<PendingReceipt> ReceiveAsync(string channel, Func<string> payload, TimeSpan within, CancellationToken cancellationToken = default)
    {
        var (id, at) = (NextId(), time.GetUtcNow().UtcDateTime);
        // The payload is made only if the copy is written: most updates' turns commit first (a quick turn's update is
        // never serialized again).
        var held = writer.Hold(new LiteWrite("received update", d => d.GetCollection(Collection).Insert(Document(id, channel, payload(), at)),
            committed: () => _held.TryRemove(id, out _)), within);
        _held[id] = held;
        return Task.FromResult(new PendingReceipt(id, held.Durable));
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default)
    {
        if (!_held.TryGetValue(id, out var held))
            return UnitOfWork.WriteAsync(writer, new LiteWrite("handled update", d => d.GetCollection(Collection).Delete(id)), cancellationToken);
        // Run on the writer thread, after the held copy if that went into the same commit: delete it only if it was written.
        var handled = new LiteWrite("handled update", d =>
        {
            if (held.Applied) d.GetCollection(Collection).Delete(id);
        }, committed: () =>
        {
            held.Settle();
            _held.TryRemove(id, out _);
        });
        // In a turn, its commit (the processed mark, the outcome) stands for the stored copy. Outside one (an update not
        // handed over: a re-sent copy, a migration) the copies held before it are committed first: a re-sent update's
        // earlier copy must be on disk before this one is answered.
        return UnitOfWork.Current is { } unit
            ? Enlist(unit, handled)
            : writer.CommitAfterHeldAsync([handled], cancellationToken);
    }

    public Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedUpdate>>([.. db.GetCollection(Collection).Find(LiteQuery.Equal("Channel", channel))
            .Select(d => new ReceivedUpdate(d["_id"].AsInt64, channel, d["Payload"].AsString)).OrderBy(u => u.Id)]);

    private static Task Enlist(UnitOfWork unit, LiteWrite write)
    {
        unit.Enlist(write);
        return Task.CompletedTask;
    }

    private static BsonDocument Document(long id, string channel, string payload, DateTime at) =>
        new() { ["_id"] = id, ["Channel"] = channel, ["Payload"] = payload, ["At"] = at };

    private long NextId()
    {
        if (Volatile.Read(ref _last) < 0)
            lock (_firstRead)
                if (_last < 0)
                {
                    var received = db.GetCollection(Collection);
                    Volatile.Write(ref _last, received.Count() == 0 ? 0 : received.Max("_id").AsInt64);
                }
        return Interlocked.Increment(ref _last);
    }
}
