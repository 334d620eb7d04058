using Bot.Broadcasts.Outbox;
using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Broadcasts.Schedule;

/// <summary>The kickoff schedule in LiteDB: reads straight from the database, writes through the one writer with their condition checked there.</summary>
public sealed class LiteDbKickoffScheduleStore(LiteDatabase db, StorageWriter writer) : IKickoffScheduleStore
{
    public const string Collection = "kickoff_schedule";

    /// <summary>One row per phase: the key is unique, so a second start (or a second instance) cannot add it twice.</summary>
    public static void Indexes(ILiteCollection<BsonDocument> rows) => rows.EnsureIndex(nameof(ScheduledKickoff.Key), "$.Key", unique: true);
    private readonly ILiteCollection<ScheduledKickoff> _rows = db.GetCollection<ScheduledKickoff>(Collection);

    public Task<IReadOnlyList<ScheduledKickoff>> AllAsync(CancellationToken cancellationToken = default) => Task.FromResult(All());

    public Task<ScheduledKickoff?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult<ScheduledKickoff?>(_rows.FindById(id));

    public async Task<bool> TryAddAsync(ScheduledKickoff row, CancellationToken cancellationToken = default)
    {
        try
        {
            await UnitOfWork.CommitNowAsync(writer, new LiteWrite($"schedule {row.Key}",
                db => db.GetCollection<ScheduledKickoff>(Collection).Insert(row),
                db => db.GetCollection<ScheduledKickoff>(Collection).Exists(r => r.Key == row.Key) ? new Refused($"{row.Key} is already scheduled.") : null),
                cancellationToken);
            return true;
        }
        catch (Refused)
        {
            return false;
        }
    }

    public Task<bool> RescheduleAsync(int id, DateTimeOffset runAt, CancellationToken cancellationToken = default) =>
        ConditionalAsync(id, $"reschedule kickoff {id}", [ScheduleState.Scheduled, ScheduleState.Paused],
            db => BsonExpression.Create("{ RunAt: @0 }", db.Mapper.Serialize(runAt)), cancellationToken);

    public Task<bool> TransitionAsync(int id, ScheduleState to, string? by, ScheduleState[] from, CancellationToken cancellationToken = default) =>
        ConditionalAsync(id, $"kickoff {id} → {to}", from,
            _ => BsonExpression.Create("{ State: @0, ChangedBy: @1 }", to.ToString(), by), cancellationToken);

    public object Claim(int id, DateTimeOffset firedAt) => new LiteWrite($"claim kickoff {id}",
        db => db.GetCollection(Collection).UpdateMany(BsonExpression.Create("{ State: 'Fired', FiredAt: @0 }", db.Mapper.Serialize(firedAt)), BsonExpression.Create("_id = @0", id)),
        db => StateOf(db, id) == ScheduleState.Scheduled ? null : new ClaimRefusedException($"Kickoff {id} is no longer scheduled."));

    public Task<IReadOnlyList<ScheduledKickoff>> UnreportedAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScheduledKickoff>>([.. All().Where(r => !r.Reported && r.State == ScheduleState.Missed)]);

    public Task MarkReportedAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var marked = ids.ToArray();
        return UnitOfWork.WriteAsync(writer, new LiteWrite($"kickoffs reported: {string.Join(", ", marked)}", db =>
        {
            foreach (var id in marked)
                db.GetCollection(Collection).UpdateMany(BsonExpression.Create("{ Reported: true }"), BsonExpression.Create("_id = @0", id));
        }), cancellationToken);
    }

    private IReadOnlyList<ScheduledKickoff> All() => [.. _rows.FindAll().OrderBy(r => r.RunAt).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private async Task<bool> ConditionalAsync(int id, string what, ScheduleState[] from, Func<LiteDatabase, BsonExpression> update, CancellationToken ct)
    {
        try
        {
            await UnitOfWork.CommitNowAsync(writer, new LiteWrite(what,
                db => db.GetCollection(Collection).UpdateMany(update(db), BsonExpression.Create("_id = @0", id)),
                db => StateOf(db, id) is { } state && from.Contains(state) ? null : new Refused($"Kickoff {id} is not {string.Join(" or ", from)}.")),
                ct);
            return true;
        }
        catch (Refused)
        {
            return false;
        }
    }

    private static ScheduleState? StateOf(LiteDatabase db, int id) => db.GetCollection<ScheduledKickoff>(Collection).FindById(id)?.State;

    private sealed class Refused(string reason) : Exception(reason);
}
