namespace Bot.Builder.Pipeline;

/// <summary>
/// Keeps one conversation's turns (and one member's) in order across processes. Within a process the pipeline's own
/// queues do that; a storage shared by several instances (PostgreSQL behind a load balancer) adds a lock they all see.
/// </summary>
public interface ITurnGate
{
    /// <summary>Waits until no other instance runs a turn of this conversation or member; disposing lets the next one in.</summary>
    Task<IAsyncDisposable> EnterAsync(string conversationKey, string memberKey, CancellationToken cancellationToken);
}

/// <summary>One process owns the storage (LiteDB, memory): the pipeline's queues are all the order needed.</summary>
public sealed class NoTurnGate : ITurnGate, IAsyncDisposable
{
    public Task<IAsyncDisposable> EnterAsync(string conversationKey, string memberKey, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
