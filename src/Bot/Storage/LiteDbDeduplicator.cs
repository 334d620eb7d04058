using Bot.Builder.Pipeline;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>Processed message ids on disk, so a message re-delivered after a restart is still handled once. Kept 48 hours.</summary>
public sealed class LiteDbDeduplicator(LiteDatabase db, StorageWriter writer, TimeProvider time) : IActivityDeduplicator
{
    public const string Collection = "processed";
    private static readonly TimeSpan Keep = TimeSpan.FromHours(48);
    private readonly ILiteCollection<BsonDocument> _seen = db.GetCollection(Collection);
    private long _marks;

    public Task<bool> WasProcessedAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_seen.FindById(key) is not null);

    public Task MarkAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var prune = Interlocked.Increment(ref _marks) % 1000 == 0;
        return UnitOfWork.WriteAsync(writer, new LiteWrite("mark processed", db =>
        {
            var seen = db.GetCollection(Collection);
            seen.Upsert(new BsonDocument { ["_id"] = key, ["At"] = now });
            if (prune) seen.DeleteMany(LiteQuery.Before("At", now - Keep));
        }), cancellationToken);
    }

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("forget processed", db => db.GetCollection(Collection).Delete(key)), cancellationToken);
}
