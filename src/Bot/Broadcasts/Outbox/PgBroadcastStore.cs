using Bot.Builder.State;
using Bot.Storage.PostgreSql;
using Npgsql;

namespace Bot.Broadcasts.Outbox;

/// <summary>
/// The outbox in PostgreSQL: a broadcast's record is a jsonb document changed under its row lock (still sending is
/// checked on the locked row), recipients are rows with real columns, changed by conditional UPDATEs.
/// </summary>
public sealed class PgBroadcastStore(PgDatabase db, PgCommitter committer, TimeProvider time) : IBroadcastStore
{
    private const string RowColumns = "id, broadcast_id, channel, chat_id, kind, language, title, state, reason, message_id, attempts, updated_at";

    public async Task<BroadcastRecord?> CreateAsync(BroadcastRecord record, IReadOnlyList<Recipient> recipients, object? claim = null, CancellationToken cancellationToken = default)
    {
        var claimWrite = claim switch
        {
            null => null,
            PgWrite w => w,
            _ => throw new ArgumentException("The claim must be a write of the same PostgreSQL storage.", nameof(claim)),
        };
        var now = time.GetUtcNow();
        record.Total = recipients.Count;
        record.State = BroadcastState.Sending;
        record.CreatedAt = now;
        // One write, so the claim and the broadcast are applied together or not at all, inside a turn's unit too.
        var write = new PgWrite($"create broadcast ({recipients.Count} rows){(claimWrite is null ? "" : " + " + claimWrite.What)}", async tx =>
        {
            if (claimWrite is not null) await claimWrite.ApplyAsync(tx);
            record.Id = (int)(await tx.ScalarAsync("INSERT INTO broadcasts (state, schedule_id, doc) VALUES ($1, $2, $3) RETURNING id",
                record.State, record.ScheduleId, PgDatabase.Doc(record)))!;
            await tx.ExecuteAsync($"""
                INSERT INTO broadcast_outbox ({RowColumns})
                SELECT r.id, $2, r.channel, r.chat_id, r.kind, r.language, r.title, 'Pending', NULL, NULL, 0, $1
                FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS r(id, channel, chat_id, kind, language, title)
                """, now, record.Id,
                recipients.Select((_, i) => OutboxRow.IdOf(record.Id, i)).ToArray(), recipients.Select(r => r.Channel).ToArray(),
                recipients.Select(r => r.ChatId).ToArray(), recipients.Select(r => r.Kind.ToString()).ToArray(),
                recipients.Select(r => r.Language).ToArray(), recipients.Select(r => r.Title).ToArray());
        });
        try
        {
            await UnitOfWork.CommitNowAsync(committer, write, cancellationToken);
            return record;
        }
        catch (ClaimRefusedException)
        {
            return null;
        }
    }

    public Task<BroadcastRecord?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.FirstAsync("SELECT doc, id FROM broadcasts WHERE id = $1", ReadRecord, id);

    public async Task<IReadOnlyList<BroadcastRecord>> SendingAsync(CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT doc, id FROM broadcasts WHERE state = 'Sending' ORDER BY id", ReadRecord);

    public async Task<IReadOnlyList<BroadcastRecord>> ForScheduleAsync(int scheduleId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT doc, id FROM broadcasts WHERE schedule_id = $1 ORDER BY id", ReadRecord, scheduleId);

    public async Task<IReadOnlyList<BroadcastRecord>> RecentAsync(int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT doc, id FROM broadcasts ORDER BY id DESC LIMIT $1", ReadRecord, limit);

    public Task SaveReportChatsAsync(int id, List<ReportChat> reportTo, CancellationToken cancellationToken = default) =>
        // Committed before the caller goes on: the worker reads the progress message ids as soon as it starts.
        UnitOfWork.CommitNowAsync(committer, new PgWrite($"report chats of broadcast {id}", async tx =>
        {
            if (await LockAsync(tx, id) is not { } record) return;
            record.ReportTo = reportTo;
            await SaveRecordAsync(tx, record);
        }), cancellationToken);

    public async Task<bool> FinishAsync(int id, BroadcastState state, string? cancelledBy = null, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        try
        {
            await UnitOfWork.CommitNowAsync(committer, new PgWrite($"finish broadcast {id} as {state}", async tx =>
            {
                if (await LockAsync(tx, id) is not { State: BroadcastState.Sending } record) throw PgTransaction.Refuse(new AlreadyFinishedException(id));
                (record.State, record.FinishedAt, record.CancelledBy) = (state, at, cancelledBy);
                await SaveRecordAsync(tx, record);
            }), cancellationToken);
            return true;
        }
        catch (AlreadyFinishedException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<OutboxRow>> PendingAsync(int broadcastId, string? afterId, int limit, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {RowColumns} FROM broadcast_outbox WHERE broadcast_id = $1 AND state = 'Pending' AND id > $2 ORDER BY id LIMIT $3",
            ReadRow, broadcastId, afterId ?? "", limit);

    public async Task<IReadOnlyList<OutboxRow>> RowsOfAsync(int broadcastId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {RowColumns} FROM broadcast_outbox WHERE broadcast_id = $1 ORDER BY id", ReadRow, broadcastId);

    public async Task<Dictionary<RecipientState, int>> CountsAsync(int broadcastId, CancellationToken cancellationToken = default) =>
        (await db.QueryAsync("SELECT state, count(*) FROM broadcast_outbox WHERE broadcast_id = $1 GROUP BY state",
            r => (State: Enum.Parse<RecipientState>(r.GetString(0)), Count: (int)r.GetInt64(1)), broadcastId)).ToDictionary(c => c.State, c => c.Count);

    public Task SaveAsync(OutboxRow row, CancellationToken cancellationToken = default)
    {
        row.UpdatedAt = time.GetUtcNow();
        var (id, state, reason, messageId, attempts, at) = (row.Id, row.State, row.Reason, row.MessageId, row.Attempts, row.UpdatedAt);
        return UnitOfWork.WriteAsync(committer, new PgWrite($"outbox row {id} {state}", tx => tx.ExecuteAsync(
            "UPDATE broadcast_outbox SET state = $2, reason = $3, message_id = $4, attempts = $5, updated_at = $6 WHERE id = $1",
            id, state, reason, messageId, attempts, at)), cancellationToken);
    }

    public async Task<int> CancelPendingAsync(int broadcastId, CancellationToken cancellationToken = default)
    {
        var at = time.GetUtcNow();
        var cancelled = 0;
        await UnitOfWork.CommitNowAsync(committer, new PgWrite($"cancel pending rows of broadcast {broadcastId}", async tx => cancelled = await tx.ExecuteAsync(
            "UPDATE broadcast_outbox SET state = 'Cancelled', updated_at = $2 WHERE broadcast_id = $1 AND state = 'Pending'", broadcastId, at)), cancellationToken);
        return cancelled;
    }

    public Task MovePendingAsync(string channel, string oldChatId, string newChatId, CancellationToken cancellationToken = default) =>
        // Committed now: this runs while a reply is delivered, possibly after the turn's unit was committed.
        UnitOfWork.CommitNowAsync(committer, new PgWrite($"move pending rows {channel}:{oldChatId} → {newChatId}", tx => tx.ExecuteAsync("""
            UPDATE broadcast_outbox SET chat_id = $3
            WHERE channel = $1 AND chat_id = $2 AND state = 'Pending' AND broadcast_id IN (SELECT id FROM broadcasts WHERE state = 'Sending')
            """, channel, oldChatId, newChatId)), cancellationToken);

    public async Task<int> ForgetRowsFinishedBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        await UnitOfWork.CommitNowAsync(committer, new PgWrite("forget rows of old broadcasts", async tx => deleted = await tx.ExecuteAsync("""
            DELETE FROM broadcast_outbox WHERE broadcast_id IN (
                SELECT id FROM broadcasts WHERE state <> 'Sending' AND doc->>'FinishedAt' IS NOT NULL AND (doc->>'FinishedAt')::timestamptz < $1)
            """, before)), cancellationToken);
        return deleted;
    }

    public async Task<int> AnonymiseRecipientAsync(string channel, IReadOnlyCollection<string> chatIds, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var ids = chatIds.Distinct(StringComparer.Ordinal).ToArray();
        await UnitOfWork.CommitNowAsync(committer, new PgWrite($"anonymise recipient {channel}", async tx => changed = await tx.ExecuteAsync(
            "UPDATE broadcast_outbox SET title = '' WHERE channel = $1 AND kind = 'Private' AND title <> '' AND chat_id = ANY($2)", channel, ids)), cancellationToken);
        return changed;
    }

    private static async Task<BroadcastRecord?> LockAsync(PgTransaction tx, int id) =>
        (await tx.QueryAsync("SELECT doc, id FROM broadcasts WHERE id = $1 FOR UPDATE", ReadRecord, id)).FirstOrDefault();

    private static Task SaveRecordAsync(PgTransaction tx, BroadcastRecord record) =>
        tx.ExecuteAsync("UPDATE broadcasts SET state = $2, schedule_id = $3, doc = $4 WHERE id = $1", record.Id, record.State, record.ScheduleId, PgDatabase.Doc(record));

    private static BroadcastRecord ReadRecord(NpgsqlDataReader r)
    {
        var record = PgDatabase.Read<BroadcastRecord>(r);
        record.Id = r.GetInt32(1);
        return record;
    }

    private static OutboxRow ReadRow(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0), BroadcastId = r.GetInt32(1), Channel = r.GetString(2), ChatId = r.GetString(3),
        Kind = Enum.Parse<ChatKind>(r.GetString(4)), Language = r.GetString(5), Title = r.GetString(6),
        State = Enum.Parse<RecipientState>(r.GetString(7)), Reason = r.IsDBNull(8) ? null : r.GetString(8),
        MessageId = r.IsDBNull(9) ? null : r.GetString(9), Attempts = r.GetInt32(10), UpdatedAt = r.GetFieldValue<DateTimeOffset>(11),
    };

    private sealed class AlreadyFinishedException(int id) : Exception($"Broadcast {id} is not sending any more.");
}
