using LiteDB;

namespace Bot.Broadcasts.Schedule;

public enum ScheduleState
{
    Scheduled,
    Paused,
    Cancelled,
    Fired,

    /// <summary>The bot was down at the time and came back after the grace period: not sent late.</summary>
    Missed,

    /// <summary>The phase had already started when the schedule was first created (e.g. an old plan file).</summary>
    Expired,
}

/// <summary>One phase's automatic kickoff.</summary>
public sealed class ScheduledKickoff
{
    [BsonId(autoId: true)]
    public int Id { get; set; }

    /// <summary>"plan-id/phase-id", unique.</summary>
    public string Key { get; set; } = "";

    public string PlanId { get; set; } = "";
    public string PhaseId { get; set; } = "";
    public DateTimeOffset RunAt { get; set; }
    public ScheduleState State { get; set; }
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>Officers were told that this one was missed (they are told once); expired ones start as told.</summary>
    public bool Reported { get; set; }

    public string? ChangedBy { get; set; }
}

/// <summary>The kickoff schedule in LiteDB. Every change of state is one conditional statement, so a schedule fires once.</summary>
public sealed class KickoffScheduleStore
{
    public const string Collection = "kickoff_schedule";
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<ScheduledKickoff> _rows;

    public KickoffScheduleStore(LiteDatabase db)
    {
        _db = db;
        _rows = db.GetCollection<ScheduledKickoff>(Collection);
    }

    public IReadOnlyList<ScheduledKickoff> All() => [.. _rows.FindAll().OrderBy(r => r.RunAt).ThenBy(r => r.Key, StringComparer.Ordinal)];

    public ScheduledKickoff? Find(int id) => _rows.FindById(id);

    /// <summary>Adds a phase unless it is known (idempotent at every start); false when it already existed.</summary>
    public bool TryAdd(ScheduledKickoff row)
    {
        try
        {
            _rows.Insert(row);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <summary>The plan file or the kickoff time changed: a kickoff that has not happened follows it.</summary>
    public bool Reschedule(int id, DateTimeOffset runAt) =>
        _rows.UpdateMany(BsonExpression.Create("{ RunAt: @1 }", id, Iso(runAt)),
            BsonExpression.Create("_id = @0 AND (State = 'Scheduled' OR State = 'Paused')", id)) == 1;

    /// <summary>Moves a row from one of <paramref name="from"/> to <paramref name="to"/>; false when it was in another state.</summary>
    public bool Transition(int id, ScheduleState to, string? by, params ScheduleState[] from)
    {
        var states = string.Join(" OR ", from.Select((_, i) => $"State = @{i + 3}"));
        var args = new BsonValue[] { id, to.ToString(), by }.Concat(from.Select(s => new BsonValue(s.ToString()))).ToArray();
        return _rows.UpdateMany(BsonExpression.Create("{ State: @1, ChangedBy: @2 }", args),
            BsonExpression.Create($"_id = @0 AND ({states})", args)) == 1;
    }

    /// <summary>Scheduled → Fired; meant to run inside the transaction that stores the kickoff broadcast.</summary>
    public bool Claim(int id, DateTimeOffset firedAt) =>
        _rows.UpdateMany(BsonExpression.Create("{ State: 'Fired', FiredAt: @1 }", id, Iso(firedAt)),
            BsonExpression.Create("_id = @0 AND State = 'Scheduled'", id)) == 1;

    public IReadOnlyList<ScheduledKickoff> Unreported() =>
        [.. All().Where(r => !r.Reported && r.State == ScheduleState.Missed)];

    public void MarkReported(IEnumerable<int> ids)
    {
        foreach (var id in ids)
            _rows.UpdateMany(BsonExpression.Create("{ Reported: true }"), BsonExpression.Create("_id = @0", id));
    }

    private BsonValue Iso(DateTimeOffset value) => _db.Mapper.Serialize(value);
}
