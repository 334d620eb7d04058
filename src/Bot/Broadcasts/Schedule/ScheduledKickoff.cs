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
