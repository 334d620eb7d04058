using Bot.Builder.Activities;

namespace Bot.Builder.Pipeline;

/// <summary>A reply a committed turn still has to send.</summary>
public sealed record PendingReply(ConversationAddress To, Reply Reply);

/// <summary>
/// A turn's replies, stored in the same commit as the turn's writes and released once they went out: a crash between
/// the commit and the send no longer leaves a member without the answer (they are sent at the next start).
/// </summary>
public interface IReplyOutbox
{
    /// <summary>Enlists the turn's replies in its unit of work.</summary>
    Task HoldAsync(string turnKey, IReadOnlyList<PendingReply> replies, CancellationToken cancellationToken = default);

    /// <summary>The replies went out (or cannot ever): forget them.</summary>
    Task ReleaseAsync(string turnKey, CancellationToken cancellationToken = default);

    /// <summary>Replies of committed turns that were not released, oldest first.</summary>
    Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> PendingAsync(CancellationToken cancellationToken = default);
}

/// <summary>For hosts without durable storage: nothing survives the process anyway.</summary>
public sealed class NoReplyOutbox : IReplyOutbox
{
    public Task HoldAsync(string turnKey, IReadOnlyList<PendingReply> replies, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task ReleaseAsync(string turnKey, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> PendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string, IReadOnlyList<PendingReply>)>>([]);
}
