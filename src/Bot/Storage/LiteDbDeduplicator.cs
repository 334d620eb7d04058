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
    // This process is the file's only writer (one process per database file), so every mark is seen here.
    private readonly HighestMarks _highest = new();
    private long _marks;
    private long _reads;

    /// <summary>Reads of the store so far (by id, and of a chat's highest mark): a new message needs none.</summary>
    internal long Reads => Interlocked.Read(ref _reads);

    public Task<bool> WasProcessedAsync(string key, CancellationToken cancellationToken = default)
    {
        // Every update is new but for re-deliveries: without this a read missed on every message.
        if (_highest.IsCertainlyNew(key, HighestStored)) return Task.FromResult(false);
        Interlocked.Increment(ref _reads);
        return Task.FromResult(_seen.FindById(key) is not null);
    }

    public Task MarkAsync(string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var prune = Interlocked.Increment(ref _marks) % 1000 == 0;
        // A key above the chat's highest mark is not in the store (one writer; a chat's turns run one at a time, and
        // a turn marks once): inserted without the index search for an existing mark that an upsert makes first.
        var isNew = _highest.IsCertainlyNew(key, HighestStored);
        return UnitOfWork.WriteAsync(writer, new LiteWrite("mark processed", db =>
        {
            var seen = db.GetCollection(Collection);
            var mark = new BsonDocument { ["_id"] = key, ["At"] = now };
            if (isNew) seen.Insert(mark);
            else seen.Upsert(mark);
            if (prune) seen.DeleteMany(LiteQuery.Before("At", now - Keep));
        }, committed: () => _highest.Marked(key)), cancellationToken);
    }

    // A forgotten mark may leave its id as the chat's highest: later ids below it are only read, never wrongly skipped.
    public Task ForgetAsync(string key, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite("forget processed", db => db.GetCollection(Collection).Delete(key)), cancellationToken);

    /// <summary>The highest numeric id marked under <paramref name="prefix"/> ("telegram:42:"), by a range of the id index.</summary>
    private long? HighestStored(string prefix)
    {
        Interlocked.Increment(ref _reads);
        // Ids compare ordinally (invariant globalization): the chat's keys lie between its prefix and prefix + '~',
        // past every digit. Keys that are not numbers (button presses, Zalo ids) are skipped.
        long? highest = null;
        foreach (var doc in _seen.Find(LiteQuery.Between("_id", prefix, prefix + "~")))
            if (HighestMarks.IdOf(doc["_id"].AsString) is { } id && doc["_id"].AsString.StartsWith(prefix, StringComparison.Ordinal))
                highest = Math.Max(highest ?? long.MinValue, id);
        return highest;
    }
}
