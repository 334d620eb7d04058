using Bot.Members;

namespace Bot.Broadcasts.Schedule;

/// <summary>A pause, resume or cancel: whether it changed the kickoff, and the kickoff as it is now.</summary>
public sealed record ScheduleChange(bool Changed, ScheduledKickoff Kickoff);

/// <summary>The automatic kickoffs as officers manage them, from any front end; rights are checked on every call.</summary>
public sealed class ScheduleService(IKickoffScheduleStore schedule, KickoffScheduler scheduler)
{
    public Task<IReadOnlyList<ScheduledKickoff>> ListAsync(Actor actor, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "see the kickoff schedule");
        return schedule.AllAsync(ct);
    }

    /// <summary>Null when there is no such kickoff.</summary>
    public Task<ScheduleChange?> PauseAsync(Actor actor, int id, CancellationToken ct) =>
        ChangeAsync(actor, id, ScheduleState.Paused, [ScheduleState.Scheduled], ct);

    public async Task<ScheduleChange?> ResumeAsync(Actor actor, int id, CancellationToken ct)
    {
        var change = await ChangeAsync(actor, id, ScheduleState.Scheduled, [ScheduleState.Paused], ct);
        if (change?.Changed == true) scheduler.Wake(); // it may be due already
        return change;
    }

    public Task<ScheduleChange?> CancelAsync(Actor actor, int id, CancellationToken ct) =>
        ChangeAsync(actor, id, ScheduleState.Cancelled, [ScheduleState.Scheduled, ScheduleState.Paused], ct);

    private async Task<ScheduleChange?> ChangeAsync(Actor actor, int id, ScheduleState to, ScheduleState[] from, CancellationToken ct)
    {
        Rights.RequireOfficer(actor, "change the kickoff schedule");
        if (await schedule.FindAsync(id, ct) is null) return null;
        var changed = await schedule.TransitionAsync(id, to, actor.Key, from, ct);
        return new ScheduleChange(changed, (await schedule.FindAsync(id, ct))!);
    }
}
