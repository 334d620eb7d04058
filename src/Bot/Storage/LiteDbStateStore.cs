using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// State documents in LiteDB with optimistic concurrency. Writes go through the <see cref="StorageWriter"/>: the
/// version check and the write run there back to back, and nothing else writes in between.
/// </summary>
public sealed class LiteDbStateStore(LiteDatabase db, StorageWriter writer, TimeProvider time) : IStateStore
{
    public const string Collection = "state";
    private readonly ILiteCollection<BsonDocument> _docs = db.GetCollection(Collection);

    // Every turn reads its member's state; a LiteDB lookup per read was most of a form step's reading. The documents are
    // kept as stored (immutable records), replaced when a write commits; the version check at commit still reads the file.
    // Missing documents are remembered too: every turn asks for its member's language (user scope), which few ever set.
    private readonly StoredCopies<StateDocument> _copies = new(rememberAbsent: true);

    // The version check ran a LiteDB query per write although the copies know what the last commit left. Writes of the
    // open transaction are not in the copies yet (they report after the commit), so they are remembered here for the
    // check of a later write to the same key in the same group. Writer thread only; `_pendingIn` names the transaction.
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private long _pendingIn = -1;
    private bool _pendingUnknown;

    public Task<StateDocument?> ReadAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_copies.Get(key, k => ToState(_docs.FindById(k), k)));

    public async Task<long> WriteAsync(string key, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // What LiteDB gives back: its dates keep milliseconds.
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        var next = expectedVersion + 1;
        await UnitOfWork.WriteAsync(writer, new LiteWrite($"state {key}",
            db =>
            {
                db.GetCollection(Collection).Upsert(new BsonDocument { ["_id"] = key, ["Version"] = next, ["Json"] = json, ["UpdatedAt"] = now });
                Pending()[key] = next;
            },
            db => StoredVersion(db, key) == expectedVersion ? null : new StateConflictException(key, expectedVersion),
            () => _copies.Written(key, new StateDocument(key, next, json, new DateTimeOffset(now, TimeSpan.Zero)))),
            cancellationToken);
        return next;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        UnitOfWork.WriteAsync(writer, new LiteWrite($"delete state {key}", db =>
            {
                db.GetCollection(Collection).Delete(key);
                Pending()[key] = 0;
            },
            committed: () => _copies.Written(key)), cancellationToken);

    /// <summary>One write: the documents move together or not at all.</summary>
    public async Task<int> MovePrefixAsync(string fromPrefix, string toPrefix, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"move state {fromPrefix}", db =>
        {
            var docs = db.GetCollection(Collection);
            // Keys it cannot name one by one (some written earlier in this transaction): the rest of it reads the file.
            Pending().Clear();
            _pendingUnknown = true;
            foreach (var doc in docs.Find(Query.Or(Query.EQ("_id", fromPrefix), Query.StartsWith("_id", fromPrefix + "/"))).ToList())
            {
                var key = doc["_id"].AsString;
                doc["_id"] = toPrefix + key[fromPrefix.Length..];
                // The new chat may already have its own state: it is newer, keep it.
                if (docs.FindById(doc["_id"]) is null)
                {
                    docs.Insert(doc);
                    moved++;
                }
                docs.Delete(key);
            }
        }, committed: _copies.WrittenAll), cancellationToken);
        return moved;
    }

    /// <summary>The version the open transaction sees for <paramref name="key"/> (writer thread).</summary>
    private long StoredVersion(LiteDatabase db, string key)
    {
        var pending = Pending();
        if (pending.TryGetValue(key, out var version)) return version;
        if (!_pendingUnknown && _copies.TryGet(key, out var copy)) return copy?.Version ?? 0;
        return VersionOf(db.GetCollection(Collection).FindById(key));
    }

    /// <summary>The open transaction's writes so far; forgotten when another transaction opens (committed or rolled back).</summary>
    private Dictionary<string, long> Pending()
    {
        if (_pendingIn != writer.OpenTransaction)
        {
            (_pendingIn, _pendingUnknown) = (writer.OpenTransaction, false);
            _pending.Clear();
        }
        return _pending;
    }

    private static long VersionOf(BsonDocument? doc) => doc is null ? 0 : doc["Version"].AsInt64;

    private static StateDocument? ToState(BsonDocument? doc, string key) => doc is null
        ? null
        : new StateDocument(key, doc["Version"].AsInt64, doc["Json"].AsString, new DateTimeOffset(doc["UpdatedAt"].AsDateTime.ToUniversalTime(), TimeSpan.Zero));
}
