using Bot.Builder.Pipeline;
using LiteDB;

namespace Bot.Storage;

/// <summary>Processed message ids on disk, so a message re-delivered after a restart is still handled once. Kept 48 hours.</summary>
public sealed class LiteDbDeduplicator(LiteDatabase db, TimeProvider time) : IActivityDeduplicator
{
    public const string Collection = "processed";
    private static readonly TimeSpan Keep = TimeSpan.FromHours(48);
    private readonly ILiteCollection<BsonDocument> _seen = db.GetCollection(Collection);
    private long _inserts;

    public Task<bool> TryMarkAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            _seen.Insert(new BsonDocument { ["_id"] = key, ["At"] = now });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return Task.FromResult(false);
        }
        if (Interlocked.Increment(ref _inserts) % 1000 == 0) _seen.DeleteMany(Query.LT("At", now - Keep));
        return Task.FromResult(true);
    }

    public Task ForgetAsync(string key, CancellationToken cancellationToken = default)
    {
        _seen.Delete(key);
        return Task.CompletedTask;
    }
}
