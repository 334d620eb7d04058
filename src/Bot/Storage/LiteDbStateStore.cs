using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// State documents in LiteDB with optimistic concurrency. The version check and the write are one
/// conditional UpdateMany statement: a read-then-upsert (even inside a transaction) loses updates under load.
/// </summary>
public sealed class LiteDbStateStore(LiteDatabase db, TimeProvider time) : IStateStore
{
    public const string Collection = "state";
    private readonly ILiteCollection<BsonDocument> _docs = db.GetCollection(Collection);

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var doc = _docs.FindById(key);
        return Task.FromResult(doc is null
            ? null
            : new StateDocument(key, doc["Version"].AsInt64, doc["Json"].AsString, new DateTimeOffset(doc["UpdatedAt"].AsDateTime.ToUniversalTime(), TimeSpan.Zero)));
    }

    public Task<long> WriteAsync(string key, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var next = expectedVersion + 1;
        if (expectedVersion == 0)
        {
            try
            {
                _docs.Insert(new BsonDocument { ["_id"] = key, ["Version"] = next, ["Json"] = json, ["UpdatedAt"] = now });
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw new StateConflictException(key, expectedVersion);
            }
            return Task.FromResult(next);
        }
        var updated = _docs.UpdateMany(
            BsonExpression.Create("{ Version: @0, Json: @1, UpdatedAt: @2 }", next, json, now),
            BsonExpression.Create("_id = @0 AND Version = @1", key, expectedVersion));
        if (updated == 0) throw new StateConflictException(key, expectedVersion);
        return Task.FromResult(next);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        _docs.Delete(key);
        return Task.CompletedTask;
    }

    public Task<int> MovePrefixAsync(string fromPrefix, string toPrefix, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        var docs = _docs.Find(Query.Or(Query.EQ("_id", fromPrefix), Query.StartsWith("_id", fromPrefix + "/"))).ToList();
        foreach (var doc in docs)
        {
            var key = doc["_id"].AsString;
            var target = toPrefix + key[fromPrefix.Length..];
            doc["_id"] = target;
            try
            {
                _docs.Insert(doc);
                moved++;
            }
            catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                // the new chat already has its own state: it is newer, keep it
            }
            _docs.Delete(key);
        }
        return Task.FromResult(moved);
    }
}
