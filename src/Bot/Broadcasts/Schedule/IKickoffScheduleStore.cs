namespace Bot.Broadcasts.Schedule;

/// <summary>
/// The automatic kickoffs, one per phase. Every change of state is conditional on the state it leaves, so a kickoff
/// fires once however many instances try. Any implementation must pass KickoffScheduleStoreContract.
/// </summary>
public interface IKickoffScheduleStore
{
    /// <summary>Every kickoff, by time then key.</summary>
    Task<IReadOnlyList<ScheduledKickoff>> AllAsync(CancellationToken cancellationToken = default);

    Task<ScheduledKickoff?> FindAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>Adds a phase unless its key is known (idempotent at every start); false when it already existed.</summary>
    Task<bool> TryAddAsync(ScheduledKickoff row, CancellationToken cancellationToken = default);

    /// <summary>The plan file or the kickoff time changed: a kickoff that has not happened follows it.</summary>
    Task<bool> RescheduleAsync(int id, DateTimeOffset runAt, CancellationToken cancellationToken = default);

    /// <summary>Moves a row from one of <paramref name="from"/> to <paramref name="to"/>; false when it was in another state.</summary>
    Task<bool> TransitionAsync(int id, ScheduleState to, string? by, ScheduleState[] from, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scheduled → Fired, as a write to commit together with the kickoff's broadcast
    /// (<see cref="Outbox.IBroadcastStore.CreateAsync"/>): refused when the row is no longer scheduled.
    /// </summary>
    object Claim(int id, DateTimeOffset firedAt);

    /// <summary>Missed kickoffs officers have not been told about yet.</summary>
    Task<IReadOnlyList<ScheduledKickoff>> UnreportedAsync(CancellationToken cancellationToken = default);

    Task MarkReportedAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default);
}
