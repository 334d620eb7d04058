using LiteDB;

namespace Bot.Broadcasts.Outbox;

public sealed record Recipient(string Channel, string ChatId, ChatKind Kind, string Language, string Title);

/// <summary>
/// The persistent outbox. Every state change is one statement (LiteDB loses read-modify-write updates under
/// concurrency), and a broadcast is created together with all its rows in one transaction, so after a crash it
/// exists completely or not at all. No transaction is ever held across an await.
/// </summary>
public sealed class BroadcastStore(LiteDatabase db, TimeProvider time)
{
    public const string Broadcasts = "broadcasts";
    public const string Rows = "broadcast_outbox";

    private readonly ILiteCollection<BroadcastRecord> _broadcasts = db.GetCollection<BroadcastRecord>(Broadcasts);
    private readonly ILiteCollection<OutboxRow> _rows = db.GetCollection<OutboxRow>(Rows);

    /// <summary>
    /// Writes the broadcast and one pending row per recipient. <paramref name="claim"/> runs first inside the same
    /// transaction (a scheduled kickoff marks its schedule fired there): when it returns false nothing is written.
    /// </summary>
    public BroadcastRecord? Create(BroadcastRecord record, IReadOnlyList<Recipient> recipients, Func<bool>? claim = null)
    {
        if (!db.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        try
        {
            if (claim is not null && !claim())
            {
                db.Rollback();
                return null;
            }
            var now = time.GetUtcNow();
            record.Total = recipients.Count;
            record.State = BroadcastState.Sending;
            record.CreatedAt = now;
            _broadcasts.Insert(record);
            _rows.InsertBulk(recipients.Select((r, i) => new OutboxRow
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
            db.Commit();
            return record;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    public BroadcastRecord? Find(int id) => _broadcasts.FindById(id);

    public IReadOnlyList<BroadcastRecord> Sending() => [.. _broadcasts.Find(b => b.State == BroadcastState.Sending)];

    public IReadOnlyList<BroadcastRecord> ForSchedule(int scheduleId) => [.. _broadcasts.Find(b => b.ScheduleId == scheduleId)];

    public void SaveReportChats(int id, List<ReportChat> reportTo) =>
        _broadcasts.UpdateMany(BsonExpression.Create("{ ReportTo: @1 }", id, db.Mapper.Serialize(reportTo)), BsonExpression.Create("_id = @0", id));

    /// <summary>Sending → Completed or Cancelled; false when someone else finished it first.</summary>
    public bool Finish(int id, BroadcastState state, string? cancelledBy = null) =>
        _broadcasts.UpdateMany(
            BsonExpression.Create("{ State: @1, FinishedAt: @2, CancelledBy: @3 }", id, state.ToString(), Iso(time.GetUtcNow()), cancelledBy),
            BsonExpression.Create("_id = @0 AND State = 'Sending'", id)) == 1;

    /// <summary>The next pending rows after <paramref name="afterId"/>, in sending order.</summary>
    public IReadOnlyList<OutboxRow> Pending(int broadcastId, string? afterId, int limit)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        return _rows.Query()
            .Where("_id > @0 AND _id < @1 AND State = 'Pending'", afterId ?? from, to)
            .OrderBy("_id").Limit(limit).ToList();
    }

    public IReadOnlyList<OutboxRow> RowsOf(int broadcastId)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        return _rows.Query().Where("_id > @0 AND _id < @1", from, to).OrderBy("_id").ToList();
    }

    public Dictionary<RecipientState, int> Counts(int broadcastId) =>
        RowsOf(broadcastId).GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Records how a send ended (sent right after the platform confirmed, or why it failed). Only the outcome is
    /// written: the chat id may have followed a group migration meanwhile.
    /// </summary>
    public void Save(OutboxRow row)
    {
        row.UpdatedAt = time.GetUtcNow();
        _rows.UpdateMany(
            BsonExpression.Create("{ State: @1, Reason: @2, MessageId: @3, Attempts: @4, UpdatedAt: @5 }",
                row.Id, row.State.ToString(), row.Reason, row.MessageId, row.Attempts, Iso(row.UpdatedAt)),
            BsonExpression.Create("_id = @0", row.Id));
    }

    public int CancelPending(int broadcastId)
    {
        var (from, to) = OutboxRow.RangeOf(broadcastId);
        return _rows.UpdateMany(
            BsonExpression.Create("{ State: 'Cancelled', UpdatedAt: @2 }", from, to, Iso(time.GetUtcNow())),
            BsonExpression.Create("_id > @0 AND _id < @1 AND State = 'Pending'", from, to));
    }

    /// <summary>A group became a supergroup: pending rows of running broadcasts follow it to the new id.</summary>
    public void MovePending(string channel, string oldChatId, string newChatId)
    {
        foreach (var b in Sending())
        {
            var (from, to) = OutboxRow.RangeOf(b.Id);
            _rows.UpdateMany(
                BsonExpression.Create("{ ChatId: @4 }", from, to, channel, oldChatId, newChatId),
                BsonExpression.Create("_id > @0 AND _id < @1 AND Channel = @2 AND ChatId = @3 AND State = 'Pending'", from, to, channel, oldChatId, newChatId));
        }
    }

    /// <summary>Drops the recipient rows of broadcasts finished before <paramref name="before"/>; the broadcast records stay.</summary>
    public int ForgetRowsFinishedBefore(DateTimeOffset before)
    {
        var deleted = 0;
        foreach (var b in _broadcasts.Find(b => b.State != BroadcastState.Sending))
        {
            if (b.FinishedAt is not { } finished || finished >= before) continue;
            var (from, to) = OutboxRow.RangeOf(b.Id);
            deleted += _rows.DeleteMany(BsonExpression.Create("_id > @0 AND _id < @1", from, to));
        }
        return deleted;
    }

    private BsonValue Iso(DateTimeOffset value) => db.Mapper.Serialize(value);
}
