using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Broadcasts.Outbox;

/// <summary>
/// The outbox in LiteDB. Reads go straight to the database; every write goes through the one
/// <see cref="StorageWriter"/>, where its condition (still sending, still scheduled) is checked right before it is
/// applied and nothing else writes in between.
/// </summary>
public sealed class LiteDbBroadcastStore(LiteDatabase db, StorageWriter writer, TimeProvider time) : IBroadcastStore
{
    public const string Broadcasts = "broadcasts";
    public const string Rows = "broadcast_outbox";

    private readonly ILiteCollection<BroadcastRecord> _broadcasts = db.GetCollection<BroadcastRecord>(Broadcasts);
    private readonly ILiteCollection<OutboxRow> _rows = db.GetCollection<OutboxRow>(Rows);

    public async Task<BroadcastRecord?> CreateAsync(BroadcastRecord record, IReadOnlyList<Recipient> recipients, object? claim = null, CancellationToken cancellationToken = default)
    {
        var claimWrite = claim switch
        {
            null => null,
            LiteWrite w => w,
            _ => throw new ArgumentException("The claim must be a write of the same LiteDB storage.", nameof(claim)),
        };
        var now = time.GetUtcNow();
        record.Total = recipients.Count;
        record.State = BroadcastState.Sending;
        record.CreatedAt = now;
        // One write, so the claim and the broadcast are applied together or not at all, inside a turn's unit too.
        var write = new LiteWrite($"create broadcast ({recipients.Count} rows){(claimWrite is null ? "" : " + " + claimWrite.What)}",
            db =>
            {
                claimWrite?.Apply(db);
                db.GetCollection<BroadcastRecord>(Broadcasts).Insert(record); // autoId: record.Id is set here
                db.GetCollection<OutboxRow>(Rows).InsertBulk(recipients.Select((r, i) => new OutboxRow
                {
                    Id = OutboxRow.IdOf(record.Id, i),
                    BroadcastId = record.Id,
                    Channel = r.Channel,
                    ChatId = r.ChatId,
                    Kind = r.Kind,
                    Language = r.Language,
                    Title = r.Title,
                    State = RecipientState.Pending,
                    UpdatedAt = now,
                }));
            },
            db => claimWrite?.Check(db));
        try
        {
            await UnitOfWork.CommitNowAsync(writer, write, cancellationToken);
            return record;
        }
        catch (ClaimRefusedException)
        {
            return null;
        }
    }

    public Task<BroadcastRecord?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult<BroadcastRecord?>(_broadcasts.FindById(id));

    public Task<IReadOnlyList<BroadcastRecord>> SendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BroadcastRecord>>([.. _broadcasts.Find(b => b.State == BroadcastState.Sending)]);

    public Task<IReadOnlyList<BroadcastRecord>> ForScheduleAsync(int scheduleId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BroadcastRecord>>([.. _broadcasts.Find(b => b.ScheduleId == scheduleId)]);

    public Task<IReadOnlyList<BroadcastRecord>> RecentAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BroadcastRecord>>(_broadcasts.Query().OrderByDescending(b => b.Id).Limit(limit).ToList());

    public Task SaveReportChatsAsync(int id, List<ReportChat> reportTo, CancellationToken cancellationToken = default) =>
        // Committed before the caller goes on: the worker reads the progress message ids as soon as it starts.
        UnitOfWork.CommitNowAsync(writer, new LiteWrite($"report chats of broadcast {id}", db =>
            db.GetCollection(Broadcasts).UpdateMany(BsonExpression.Create("{ ReportTo: @1 }", id, db.Mapper.Serialize(reportTo)), BsonExpression.Create("_id = @0", id))),
            cancellationToken);

    public async Task<bool> FinishAsync(int id, BroadcastState state, string? cancelledBy = null, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        try
        {
            await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"finish broadcast {id} as {state}",
                db => db.GetCollection(Broadcasts).UpdateMany(
                    BsonExpression.Create("{ State: @1, FinishedAt: @2, CancelledBy: @3 }", id, state.ToString(), db.Mapper.Serialize(at), cancelledBy),
                    BsonExpression.Create("_id = @0", id)),
                db => db.GetCollection<BroadcastRecord>(Broadcasts).FindById(id)?.State == BroadcastState.Sending ? null : new AlreadyFinishedException(id)),
                cancellationToken);
            return true;
        }
        catch (AlreadyFinishedException)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<OutboxRow>> PendingAsync(int broadcastId, string? afterId, int limit, CancellationToken cancellationToken = default)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        return Task.FromResult<IReadOnlyList<OutboxRow>>(_rows.Query()
            .Where("_id > @0 AND _id < @1 AND State = 'Pending'", afterId ?? from, to)
            .OrderBy("_id").Limit(limit).ToList());
    }

    public Task<IReadOnlyList<OutboxRow>> RowsOfAsync(int broadcastId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<OutboxRow>>(RowsOf(broadcastId));

    public Task<Dictionary<RecipientState, int>> CountsAsync(int broadcastId, CancellationToken cancellationToken = default) =>
        Task.FromResult(RowsOf(broadcastId).GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count()));

    public Task SaveAsync(OutboxRow row, CancellationToken cancellationToken = default)
    {
        row.UpdatedAt = time.GetUtcNow();
        var (id, state, reason, messageId, attempts, at) = (row.Id, row.State.ToString(), row.Reason, row.MessageId, row.Attempts, row.UpdatedAt);
        return UnitOfWork.WriteAsync(writer, new LiteWrite($"outbox row {id} {state}", db =>
            db.GetCollection(Rows).UpdateMany(
                BsonExpression.Create("{ State: @1, Reason: @2, MessageId: @3, Attempts: @4, UpdatedAt: @5 }", id, state, reason, messageId, attempts, db.Mapper.Serialize(at)),
                BsonExpression.Create("_id = @0", id))),
            cancellationToken);
    }

    public async Task<int> CancelPendingAsync(int broadcastId, CancellationToken cancellationToken = default)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        var at = time.GetUtcNow();
        var cancelled = 0;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"cancel pending rows of broadcast {broadcastId}", db =>
            cancelled = db.GetCollection(Rows).UpdateMany(
                BsonExpression.Create("{ State: 'Cancelled', UpdatedAt: @2 }", from, to, db.Mapper.Serialize(at)),
                BsonExpression.Create("_id > @0 AND _id < @1 AND State = 'Pending'", from, to))),
            cancellationToken);
        return cancelled;
    }

    public Task MovePendingAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default) =>
        // Committed now: this runs while a reply is delivered, possibly after the turn's unit was committed.
        UnitOfWork.CommitNowAsync(writer, new LiteWrite($"move pending rows {channel}:{oldChatId} → {newChatId}", db =>
        {
            foreach (var b in db.GetCollection<BroadcastRecord>(Broadcasts).Find(b => b.State == BroadcastState.Sending).ToList())
            {
                var (from, to) = OutboxRow.RangeOf(b.Id);
                db.GetCollection(Rows).UpdateMany(
                    BsonExpression.Create("{ ChatId: @4 }", from, to, channel, oldChatId, newChatId),
                    BsonExpression.Create("_id > @0 AND _id < @1 AND Channel = @2 AND ChatId = @3 AND State = 'Pending'", from, to, channel, oldChatId, newChatId));
            }
        }), cancellationToken);

    public async Task<int> ForgetRowsFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite("forget rows of old broadcasts", db =>
        {
            foreach (var b in db.GetCollection<BroadcastRecord>(Broadcasts).Find(b => b.State != BroadcastState.Sending).ToList())
            {
                if (b.FinishedAt is not { } finished || finished >= before) continue;
                var (from, to) = OutboxRow.RangeOf(b.Id);
                deleted += db.GetCollection(Rows).DeleteMany(BsonExpression.Create("_id > @0 AND _id < @1", from, to));
            }
        }), cancellationToken);
        return deleted;
    }

    public async Task<int> AnonymiseRecipientAsync(string channel, IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var ids = new BsonArray(chatIds.Distinct(StringComparer.Ordinal).Select(id => new BsonValue(id)));
        await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"anonymise recipient {channel}", db =>
            changed = db.GetCollection(Rows).UpdateMany(
                BsonExpression.Create("{ Title: '' }"),
                BsonExpression.Create("Channel = @0 AND Kind = 'Private' AND Title != '' AND ChatId IN @1", channel, ids))),
            cancellationToken);
        return changed;
    }

    private List<OutboxRow> RowsOf(int broadcastId)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        return _rows.Query().Where("_id > @0 AND _id < @1", from, to).OrderBy("_id").ToList();
    }

    private sealed class AlreadyFinishedException(int id) : Exception($"Broadcast {id} is not sending any more.");
}

/// <summary>A claim written with a broadcast refuses (its schedule moved on): the broadcast is not stored.</summary>
public sealed class ClaimRefusedException(string reason) : Exception(reason);
