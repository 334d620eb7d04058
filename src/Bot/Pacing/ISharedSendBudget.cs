namespace Bot.Pacing;

/// <summary>
/// The send budget of a bot token as the platform counts it: for every instance that sends with the token together.
/// One process on LiteDB is the only sender, so its own gate is the whole budget (<see cref="ProcessSendBudget"/>);
/// instances sharing PostgreSQL reserve every message's slot there (<see cref="PgSendBudget"/>).
/// </summary>
public interface ISharedSendBudget
{
    /// <summary>False when this process is the only sender and nothing needs reserving.</summary>
    bool Shared { get; }

    /// <summary>Takes the next slot for one message to <paramref name="to"/> and returns when it may be sent.</summary>
    ValueTask<DateTimeOffset> ReserveAsync(ConversationAddress to, SendPriority priority, SendLimits limits, CancellationToken cancellationToken);
}

public sealed class ProcessSendBudget(TimeProvider time) : ISharedSendBudget
{
    public bool Shared => false;

    public ValueTask<DateTimeOffset> ReserveAsync(ConversationAddress to, SendPriority priority, SendLimits limits, CancellationToken cancellationToken) =>
        ValueTask.FromResult(time.GetUtcNow());
}
